// Writes tests/fixtures/text-layer/: variants of committed samples whose text layer is turned or broken the
// way real files are. Needs qpdf and ghostscript (Debian's packages). Run: npx tsx scripts/make-text-layer-fixtures.ts
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..");
const OUT = join(ROOT, "tests", "fixtures", "text-layer");
const work = mkdtempSync(join(tmpdir(), "gongkai-text-layer-"));

/** A sample with every page's /Rotate turned by 90° (shown sideways, as a mis-rotated upload is). */
function rotate(stem: string, spec: string, name: string): void {
  execFileSync("qpdf", [
    "--deterministic-id",
    `--rotate=${spec}`,
    join(ROOT, "samples", `${stem}.pdf`),
    join(OUT, name),
  ]);
}

/** A sample whose fonts lost their ToUnicode maps: pdf.js falls back to the font's own codes (garbage). */
function dropToUnicode(stem: string, name: string): void {
  const qdf = join(work, `${stem}.qdf.pdf`);
  execFileSync("qpdf", ["--qdf", "--object-streams=disable", join(ROOT, "samples", `${stem}.pdf`), qdf]);
  const bytes = readFileSync(qdf, "latin1").replace(/\/ToUnicode \d+ 0 R/g, (ref) => " ".repeat(ref.length));
  const edited = join(work, `${stem}.edited.pdf`);
  writeFileSync(edited, bytes, "latin1");
  writeFileSync(join(OUT, name), execFileSync("fix-qdf", [edited]));
}

/** A sample with its text converted to glyph outlines (Ghostscript -dNoOutputFonts): no text layer at all. */
function outline(stem: string, name: string): void {
  const out = join(OUT, name);
  execFileSync("gs", [
    "-q",
    "-dNOPAUSE",
    "-dBATCH",
    "-sDEVICE=pdfwrite",
    "-dNoOutputFonts",
    `-sOutputFile=${out}`,
    join(ROOT, "samples", `${stem}.pdf`),
  ]);
}

rotate("ruled-clean-2023", "+90", "ruled-clean-2023-rotated-90.pdf");
rotate("unruled-2024", "+270:2-3", "unruled-2024-rotated-270-p2-3.pdf");
dropToUnicode("ruled-clean-2023", "ruled-clean-2023-no-tounicode.pdf");
outline("three-line-2022", "three-line-2022-outlines.pdf");
console.log(`wrote fixtures to ${OUT}`);
