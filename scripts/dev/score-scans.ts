import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { UNCERTAIN_BELOW } from "../../src/model/cell.js";
import { extractDocument } from "../../src/pipeline/extract-document.js";
import { OcrEngine } from "../../src/stages/ocr/index.js";

/** Dev scorer: files given on the command line, truth from `<stem>.truth.json` or `<stem>.twin` → samples/. */
const engine = new OcrEngine();
const samples = join(import.meta.dirname, "../../samples");
let total = 0;
let exactAll = 0;
let silentAll = 0;
let uncertainRight = 0;
let namedRight = 0;
for (const file of process.argv.slice(2)) {
  const stem = file.replace(/\.\w+$/, "");
  const truthPath = existsSync(`${stem}.truth.json`)
    ? `${stem}.truth.json`
    : join(samples, `${readFileSync(`${stem}.twin`, "utf8").trim()}.truth.json`);
  const truth = JSON.parse(readFileSync(truthPath, "utf8"));
  const t0 = process.cpuUsage();
  const { output } = await extractDocument(file, { ocr: engine });
  const cpu = process.cpuUsage(t0);
  const suspects = output.issues.filter((i) => i.code === "ocr.suspect_cell").map((i) => i.message);
  let cells = 0;
  let exact = 0;
  const wrong: string[] = [];
  for (const [section, rows] of Object.entries(
    truth.values as Record<string, Record<string, Record<string, number | null>>>,
  )) {
    for (const [row, columns] of Object.entries(rows)) {
      for (const [column, value] of Object.entries(columns)) {
        const path = `${section}.${row}.${column}`;
        const cell = output.cells[path];
        cells++;
        if ((cell?.value ?? null) === value) {
          exact++;
          if (cell && cell.confidence < UNCERTAIN_BELOW) uncertainRight++;
          else if (suspects.some((m) => m.startsWith(`${path}:`))) {
            namedRight++;
            const by = suspects.find((m) => m.startsWith(`${path}:`)) ?? "";
            wrong.push(`NAMED-RIGHT ${path}=${cell?.value}(${cell?.confidence}) ${by.slice(by.indexOf(";") + 2)}`);
          }
          continue;
        }
        const unsure = !cell || cell.confidence < UNCERTAIN_BELOW || suspects.some((m) => m.startsWith(`${path}:`));
        if (!unsure) silentAll++;
        wrong.push(
          `${unsure ? "" : "SILENT "}${path}=${cell?.value}(${cell?.confidence}) raw=${JSON.stringify(cell?.raw)} want ${value}`,
        );
      }
    }
  }
  total += cells;
  exactAll += exact;
  const errors = output.flags.filter((f) => f.severity === "error").map((f) => f.rule);
  const meta = `${output.report.agency === truth.report.agency ? "A" : `a:${output.report.agency}`} ${output.report.year === truth.report.year ? "Y" : `y:${output.report.year}`}`;
  console.log(
    `${basename(file)}: ${exact}/${cells} ${output.status} ${meta} errors=[${errors.join(",")}] cpu=${((cpu.user + cpu.system) / 1e6).toFixed(1)}s`,
  );
  // Every silently wrong cell, then the first others.
  for (const w of [
    ...wrong.filter((w) => w.startsWith("SILENT")),
    ...wrong.filter((w) => !w.startsWith("SILENT")).slice(0, 12),
  ])
    console.log(`   ${w}`);
  if (output.status === "failure") console.log("   ", output.issues.map((i) => i.message).join(" | "));
}
console.log(
  `TOTAL ${exactAll}/${total} = ${((100 * exactAll) / Math.max(1, total)).toFixed(2)}% silent=${silentAll} uncertainButRight=${uncertainRight} suspectButRight=${namedRight}`,
);
await engine.terminate();
void dirname;
