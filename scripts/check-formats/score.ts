// Scores every file of a check set against its truth: cells exact / total, silently wrong cells (a value read
// that differs from the truth — worse than a cell left null), status, and the other differences.
// Run: npx tsx scripts/check-formats/score.ts [dir]   (default tests/fixtures/formats-check)
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { extractDocument } from "../../src/pipeline/extract-document.js";
import { OcrEngine } from "../../src/stages/ocr/index.js";
import { compareWithTruth, type Truth } from "../../tests/golden/compare-truth.js";

const dir = process.argv[2] ?? join(import.meta.dirname, "../../tests/fixtures/formats-check");
const ocr = new OcrEngine();
const totals = new Map<string, { files: number; exact: number; cells: number; wrong: number; clean: number }>();
try {
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith(".truth.json"))
    .sort()) {
    const truth = JSON.parse(readFileSync(join(dir, name), "utf8")) as Truth;
    const { output } = await extractDocument(join(dir, truth.file), { ocr });
    const diff = compareWithTruth(output, truth);
    const wrong = Object.entries(truth.values).flatMap(([s, rows]) =>
      Object.entries(rows).flatMap(([r, cols]) =>
        Object.entries(cols).filter(([c, v]) => {
          const got = output.cells[`${s}.${r}.${c}`]?.value ?? null;
          return got !== null && got !== v;
        }),
      ),
    ).length;
    const format = truth.file.startsWith("pictures-") ? "pictures" : truth.file.replace(/^.*\./, "");
    const t = totals.get(format) ?? { files: 0, exact: 0, cells: 0, wrong: 0, clean: 0 };
    totals.set(format, {
      files: t.files + 1,
      exact: t.exact + diff.exact,
      cells: t.cells + diff.cells,
      wrong: t.wrong + wrong,
      clean: t.clean + (diff.problems.length === 0 ? 1 : 0),
    });
    console.log(
      `${truth.file}\t${diff.exact}/${diff.cells}\twrong ${wrong}\tstatus ${output.status}\t${diff.problems.length} problems`,
    );
    for (const p of diff.problems.slice(0, 12)) console.log(`    ${p.slice(0, 300)}`);
    for (const i of output.issues) console.log(`    issue ${i.code} ${i.severity}: ${i.message.slice(0, 160)}`);
  }
} finally {
  await ocr.terminate();
}
for (const [format, t] of totals)
  console.log(
    `${format}: ${t.files} files, cells ${t.exact}/${t.cells} exact, ${t.wrong} silently wrong, ${t.clean} with no difference`,
  );
