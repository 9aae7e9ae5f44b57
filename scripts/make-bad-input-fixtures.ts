/**
 * Writes the hand-made bad-input fixtures of tests/bad-input: `npx tsx scripts/make-bad-input-fixtures.ts`.
 * Deterministic (no dates, no producer string), so rerunning it leaves the committed files unchanged.
 * The truncated PDF and the good sample are cut/copied from samples/ at test time instead, so they follow
 * the samples when those are regenerated.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

const dir = join(import.meta.dirname, "../tests/fixtures/bad-input");

/** A one-page PDF showing `lines` in Helvetica, with a correct xref table (byte offsets computed). */
function makeTextPdf(lines: readonly string[]): string {
  const quote = (s: string) => s.replace(/[\\()]/g, (ch) => `\\${ch}`);
  const stream = ["BT /F1 12 Tf 72 770 Td 16 TL", ...lines.map((line) => `(${quote(line)}) Tj T*`), "ET"].join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, "0")} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return pdf;
}

await mkdir(dir, { recursive: true });
// A valid PDF that is not an annual report: a canteen menu (ASCII only, so the text layer scores 1).
await writeFile(
  join(dir, "not-a-report.pdf"),
  makeTextPdf(["Staff canteen menu, week 12", "Monday: noodle soup", "Tuesday: rice and vegetables"]),
  "latin1",
);
// A text file renamed .pdf.
await writeFile(
  join(dir, "not-a-pdf.pdf"),
  "这不是PDF文件，只是改了扩展名的文本。\nThis is plain text renamed to .pdf.\n",
);
// An empty file.
await writeFile(join(dir, "empty.pdf"), "");
console.log(`wrote fixtures to ${dir}`);
