// External tools for the sample generator: LibreOffice (layout → PDF), pdftotext (checks), qpdf (garbling).
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, extname, join } from "node:path";

export const WORK_DIR = "/tmp/gongkai-make-samples";
// A private LibreOffice profile: a concurrent soffice elsewhere must not lock or reuse ours.
const PROFILE = `file://${WORK_DIR}/lo-profile`;

/** Converts a .docx or .html file to PDF with LibreOffice and copies it to `pdfPath`. */
export function convertToPdf(input: string, pdfPath: string): void {
  const outDir = join(WORK_DIR, "out");
  mkdirSync(outDir, { recursive: true });
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=${PROFILE}`,
      "--headless",
      // Writer Web's default HTML import drops the first paragraph (the title) onto a lost first page.
      ...(extname(input) === ".html" ? ["--infilter=HTML (StarWriter)"] : []),
      "--convert-to",
      "pdf:writer_pdf_Export",
      "--outdir",
      outDir,
      input,
    ],
    { stdio: "pipe", timeout: 120_000 },
  );
  copyFileSync(join(outDir, `${basename(input, extname(input))}.pdf`), pdfPath);
}

/** Text of each page (pdftotext -layout), index 0 = page 1. */
export function pageTexts(pdfPath: string): string[] {
  const text = execFileSync("pdftotext", ["-layout", pdfPath, "-"], { encoding: "utf8", maxBuffer: 1 << 26 });
  const pages = text.split("\f");
  if (pages.at(-1)?.trim() === "") pages.pop();
  return pages;
}

const HEX = /<([0-9A-Fa-f]+)>/g;

/**
 * Rewrites every ToUnicode CMap of the fonts whose BaseFont contains `fontPattern` so that each glyph maps
 * to a distinct Private Use Area code point (U+E000 + n): the page still renders, but its text layer is
 * garbage for those fonts. qpdf --qdf makes streams editable in place; fix-qdf repairs the lengths.
 */
export function garbleFont(pdfPath: string, fontPattern: RegExp): number {
  const qdf = join(WORK_DIR, "garble.qdf.pdf");
  const fixed = join(WORK_DIR, "garble.fixed.pdf");
  execFileSync("qpdf", ["--qdf", "--object-streams=disable", pdfPath, qdf]);
  let pdf = readFileSync(qdf).toString("latin1");
  const cmapIds = new Set<string>();
  for (const m of pdf.matchAll(/\n(\d+) 0 obj\n([\s\S]*?)\nendobj/g)) {
    const dict = (m[2] ?? "").split("stream\n")[0] ?? "";
    const base = /\/BaseFont \/([^\s/]+)/.exec(dict)?.[1] ?? "";
    const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(dict)?.[1];
    if (fontPattern.test(base) && toUnicode !== undefined) cmapIds.add(toUnicode);
  }
  let next = 0xe000;
  const pua = () => (next++).toString(16).toUpperCase().padStart(4, "0");
  for (const id of cmapIds) {
    const objRe = new RegExp(`\\n${id} 0 obj\\n([\\s\\S]*?)stream\\n([\\s\\S]*?)endstream`);
    const m = objRe.exec(pdf);
    if (m === null) throw new Error(`Expected ToUnicode stream object ${id} in ${pdfPath}`);
    const cmap = (m[2] ?? "")
      .replace(/beginbfchar([\s\S]*?)endbfchar/g, (_, body: string) => {
        const lines = body.split("\n").map((line) => {
          let k = 0;
          return line.replace(HEX, (h) => (k++ % 2 === 1 ? `<${pua()}>` : h));
        });
        return `beginbfchar${lines.join("\n")}endbfchar`;
      })
      .replace(/beginbfrange([\s\S]*?)endbfrange/g, (_, body: string) => {
        const lines = body.split("\n").map((line) => {
          const codes = [...line.matchAll(HEX)].map((h) => Number.parseInt(h[1] ?? "0", 16));
          if (codes.length < 3) return line;
          const [lo = 0, hi = 0] = codes;
          const first = pua();
          next += hi - lo;
          return `<${lo.toString(16).padStart(4, "0")}> <${hi.toString(16).padStart(4, "0")}> <${first}>`;
        });
        return `beginbfrange${lines.join("\n")}endbfrange`;
      });
    pdf = pdf.replace(m[0], () => `\n${id} 0 obj\n${m[1] ?? ""}stream\n${cmap}endstream`);
  }
  writeFileSync(qdf, Buffer.from(pdf, "latin1"));
  const repaired = execFileSync("fix-qdf", [qdf], { maxBuffer: 1 << 28 });
  writeFileSync(fixed, repaired);
  execFileSync("qpdf", ["--object-streams=generate", "--compress-streams=y", fixed, pdfPath]);
  return cmapIds.size;
}

/** 1-based pages whose text contains Private Use Area characters (a garbled text layer). */
export function puaPages(pdfPath: string): number[] {
  return pageTexts(pdfPath).flatMap((t, i) => (/[\uE000-\uF8FF]/.test(t) ? [i + 1] : []));
}
