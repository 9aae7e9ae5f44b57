/**
 * Score an extractor run on a scan set against the twins' truth files.
 *
 *   npx tsx score.ts SCANDIR OUTDIR [--samples DIR] [--json FILE] [--details]
 *
 * SCANDIR holds scans `<name>.<ext>` each with `<name>.twin` (the sample stem whose `<stem>.truth.json` applies);
 * OUTDIR is what `gongkai extract SCANDIR --out OUTDIR` wrote (`<relative path with .json>`, or as named in its
 * manifest.jsonl). Per file and in total it prints:
 *   cells    cells the truth lists (section → row → column), compared by value (null = null counts as exact)
 *   exact    value equal to the truth
 *   unc      cells marked uncertain: confidence < 0.9, missing, or named by an `ocr.suspect_cell` issue
 *            (message starting with `<path>:`), right or wrong
 *   wrong~   wrong but marked uncertain (visible to a reviewer)
 *   SILENT   wrong, confidence ≥ 0.9 and not named: silently wrong — the number that matters
 *   agency / year   equal to the truth's (the read agency is printed when wrong)
 *   status   the output's status (truth's in brackets when it differs); `missing` if no output
 *   errF     flags of severity error whose `rule path` the truth does not list (spurious errors)
 *   missF    truth flags (other than cell.blank) the output lacks
 * No imports beyond node: runs anywhere tsx does.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const UNCERTAIN_BELOW = 0.9;
const SCAN_EXT = /\.(pdf|png|jpe?g|tiff?)$/i;

interface Truth {
  report: { agency: string | null; year: number | null; template: string };
  status: string;
  values: Record<string, Record<string, Record<string, number | null>>>;
  flags?: { rule: string; path: string }[];
}
interface Cell {
  value: number | null;
  confidence: number;
  raw?: string | null;
}
interface Output {
  report: { agency: string | null; year: number | null; template: string };
  status: string;
  cells: Record<string, Cell>;
  flags: { rule: string; path: string; severity: string }[];
  issues: { code: string; message: string; severity: string }[];
}

interface Row {
  file: string;
  twin: string;
  cells: number;
  exact: number;
  uncertain: number;
  wrongUncertain: number;
  silent: number;
  agencyOk: boolean;
  agencyRead: string | null;
  yearOk: boolean;
  yearRead: number | null;
  templateOk: boolean;
  status: string;
  truthStatus: string;
  errorFlags: number;
  spuriousErrorFlags: string[];
  missedFlags: string[];
  silentCells: string[];
  wrongUncertainCells: string[];
}

function args() {
  const a = process.argv.slice(2);
  const pos: string[] = [];
  const opt: Record<string, string | boolean> = {};
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as string;
    if (x === "--details") opt.details = true;
    else if (x.startsWith("--")) opt[x.slice(2)] = a[++i] ?? "";
    else pos.push(x);
  }
  if (pos.length < 2) {
    console.error("usage: npx tsx score.ts SCANDIR OUTDIR [--samples DIR] [--json FILE] [--details]");
    process.exit(2);
  }
  return { scanDir: resolve(pos[0] as string), outDir: resolve(pos[1] as string), opt };
}

function findSamples(given: string | undefined): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const cands = [
    given,
    process.env.GONGKAI_SAMPLES,
    join(here, "../samples"),
    join(here, "../../samples"),
    join(process.cwd(), "samples"),
  ];
  for (const c of cands) if (c && existsSync(c)) return resolve(c);
  throw new Error("samples directory not found (use --samples DIR)");
}

function listScans(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listScans(p, base));
    else if (SCAN_EXT.test(e.name) && existsSync(p.replace(/\.\w+$/, ".twin"))) out.push(relative(base, p));
  }
  return out.sort();
}

/** input path (absolute or relative to the scan dir) → output JSON path, from OUTDIR/manifest.jsonl if present. */
function outputIndex(outDir: string, scanDir: string): Map<string, string> {
  const idx = new Map<string, string>();
  const man = join(outDir, "manifest.jsonl");
  if (!existsSync(man)) return idx;
  const rows: { file: string; out?: string | null; duplicate_of?: string | null }[] = readFileSync(man, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
  const byFile = new Map(rows.map((r) => [resolve(r.file), r]));
  for (const r of rows) {
    let target = r;
    // a duplicate points at the file it duplicates: use that one's output
    if (!target.out && target.duplicate_of) target = byFile.get(resolve(target.duplicate_of)) ?? target;
    if (target.out) idx.set(relative(scanDir, resolve(r.file)), join(outDir, target.out));
  }
  return idx;
}

function score(scanDir: string, outDir: string, samples: string, rel: string, idx: Map<string, string>): Row {
  const twin = readFileSync(join(scanDir, rel.replace(/\.\w+$/, ".twin")), "utf8").trim();
  const truth = JSON.parse(readFileSync(join(samples, `${twin}.truth.json`), "utf8")) as Truth;
  const outPath = idx.get(rel) ?? join(outDir, rel.replace(/\.\w+$/, ".json"));
  const row: Row = {
    file: rel,
    twin,
    cells: 0,
    exact: 0,
    uncertain: 0,
    wrongUncertain: 0,
    silent: 0,
    agencyOk: false,
    agencyRead: null,
    yearOk: false,
    yearRead: null,
    templateOk: false,
    status: "missing",
    truthStatus: truth.status,
    errorFlags: 0,
    spuriousErrorFlags: [],
    missedFlags: [],
    silentCells: [],
    wrongUncertainCells: [],
  };
  const output: Output | null = existsSync(outPath) ? JSON.parse(readFileSync(outPath, "utf8")) : null;
  const cells = output?.cells ?? {};
  const suspects = (output?.issues ?? []).filter((i) => i.code === "ocr.suspect_cell").map((i) => i.message);
  for (const [section, rows] of Object.entries(truth.values)) {
    for (const [r, columns] of Object.entries(rows)) {
      for (const [column, expected] of Object.entries(columns)) {
        const path = `${section}.${r}.${column}`;
        const cell = cells[path];
        row.cells++;
        const got = cell?.value ?? null;
        const uncertain =
          cell === undefined || cell.confidence < UNCERTAIN_BELOW || suspects.some((m) => m.startsWith(`${path}:`));
        if (uncertain) row.uncertain++;
        if (got === expected) {
          row.exact++;
          continue;
        }
        const desc = `${path}: read ${got} (conf ${cell?.confidence ?? "-"}, raw ${JSON.stringify(cell?.raw ?? null)}), printed ${expected}`;
        if (uncertain) {
          row.wrongUncertain++;
          row.wrongUncertainCells.push(desc);
        } else {
          row.silent++;
          row.silentCells.push(desc);
        }
      }
    }
  }
  if (!output) return row;
  row.status = output.status;
  row.agencyRead = output.report.agency;
  row.agencyOk = output.report.agency === truth.report.agency;
  row.yearRead = output.report.year;
  row.yearOk = output.report.year === truth.report.year;
  row.templateOk = output.report.template === truth.report.template;
  const truthFlags = new Set((truth.flags ?? []).map((f) => `${f.rule} ${f.path}`));
  const outFlags = new Set(output.flags.map((f) => `${f.rule} ${f.path}`));
  const errors = output.flags.filter((f) => f.severity === "error");
  row.errorFlags = errors.length;
  row.spuriousErrorFlags = errors.map((f) => `${f.rule} ${f.path}`).filter((k) => !truthFlags.has(k));
  row.missedFlags = (truth.flags ?? [])
    .filter((f) => f.rule !== "cell.blank")
    .map((f) => `${f.rule} ${f.path}`)
    .filter((k) => !outFlags.has(k));
  return row;
}

function pad(s: string | number, n: number, left = false): string {
  const t = String(s);
  const w = [...t].reduce((a, c) => a + ((c.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1), 0);
  const sp = " ".repeat(Math.max(0, n - w));
  return left ? t + sp : sp + t;
}

function main() {
  const { scanDir, outDir, opt } = args();
  const samples = findSamples(typeof opt.samples === "string" ? opt.samples : undefined);
  const idx = outputIndex(outDir, scanDir);
  const files = listScans(scanDir);
  const rows = files.map((f) => score(scanDir, outDir, samples, f, idx));
  // kinds from the set's manifest.tsv (file, twin, pages, kinds, …), for the JSON report
  const kinds = new Map<string, string>();
  const manifest = join(scanDir, "manifest.tsv");
  if (existsSync(manifest)) {
    const [head, ...lines] = readFileSync(manifest, "utf8")
      .split("\n")
      .filter((l) => l.trim());
    const cols = (head ?? "").split("\t");
    for (const l of lines) {
      const cells = l.split("\t");
      kinds.set(cells[cols.indexOf("file")] ?? "", cells[cols.indexOf("kinds")] ?? "");
    }
  }
  const w = Math.max(20, ...rows.map((r) => r.file.length));
  console.log(
    `${pad("file", w, true)} ${pad("cells", 5)} ${pad("exact", 5)} ${pad("unc", 4)} ${pad("wrong~", 6)} ${pad("SILENT", 6)}  agency year ${pad("status", 16, true)} errF missF`,
  );
  for (const r of rows) {
    const st = r.status === r.truthStatus ? r.status : `${r.status} [${r.truthStatus}]`;
    console.log(
      `${pad(r.file, w, true)} ${pad(r.cells, 5)} ${pad(r.exact, 5)} ${pad(r.uncertain, 4)} ${pad(r.wrongUncertain, 6)} ${pad(r.silent, 6)}  ${pad(r.status === "missing" ? "-" : r.agencyOk ? "ok" : "WRONG", 6, true)} ${pad(r.status === "missing" ? "-" : r.yearOk ? "ok" : "WRONG", 4, true)} ${pad(st, 16, true)} ${pad(r.spuriousErrorFlags.length, 4)} ${pad(r.missedFlags.length, 5)}`,
    );
  }
  const sum = (k: (r: Row) => number) => rows.reduce((a, r) => a + k(r), 0);
  const scored = rows.filter((r) => r.status !== "missing");
  const total = {
    files: rows.length,
    with_output: scored.length,
    cells: sum((r) => r.cells),
    exact: sum((r) => r.exact),
    uncertain: sum((r) => r.uncertain),
    wrong_uncertain: sum((r) => r.wrongUncertain),
    silently_wrong: sum((r) => r.silent),
    agency_right: scored.filter((r) => r.agencyOk).length,
    year_right: scored.filter((r) => r.yearOk).length,
    status: Object.fromEntries(
      [...new Set(rows.map((r) => r.status))].map((s) => [s, rows.filter((r) => r.status === s).length]),
    ),
    success_with_wrong_cells: scored.filter((r) => r.status === "success" && r.exact < r.cells).length,
    spurious_error_flags: sum((r) => r.spuriousErrorFlags.length),
    files_with_spurious_error_flags: scored.filter((r) => r.spuriousErrorFlags.length > 0).length,
    missed_flags: sum((r) => r.missedFlags.length),
  };
  const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : "-");
  console.log(
    `${pad("TOTAL", w, true)} ${pad(total.cells, 5)} ${pad(total.exact, 5)} ${pad(total.uncertain, 4)} ${pad(total.wrong_uncertain, 6)} ${pad(total.silently_wrong, 6)}  ${total.agency_right}/${scored.length} ${total.year_right}/${scored.length}`,
  );
  console.log(
    `\n${total.files} scans, ${total.with_output} with output; cells ${total.cells}: exact ${total.exact} (${pct(total.exact, total.cells)}%), ` +
      `marked uncertain ${total.uncertain}, wrong-but-marked ${total.wrong_uncertain}, SILENTLY WRONG ${total.silently_wrong}; ` +
      `agency ${total.agency_right}/${scored.length}, year ${total.year_right}/${scored.length}; ` +
      `status ${JSON.stringify(total.status)}; success with a wrong cell: ${total.success_with_wrong_cells}; ` +
      `spurious error flags ${total.spurious_error_flags} in ${total.files_with_spurious_error_flags} files; missed truth flags ${total.missed_flags}`,
  );
  // by series (the name's first letter: u PDF encodings, d print/degradation, i image files, t TIFF, e extra, o searchable)
  const series = [...new Set(rows.map((r) => r.file.replace(/^.*\//, "")[0] ?? "?"))].sort();
  if (series.length > 1) {
    console.log("");
    for (const s of series) {
      const rs = rows.filter((r) => (r.file.replace(/^.*\//, "")[0] ?? "?") === s);
      const c = rs.reduce((a, r) => a + r.cells, 0);
      const e = rs.reduce((a, r) => a + r.exact, 0);
      const sw = rs.reduce((a, r) => a + r.silent, 0);
      const wu = rs.reduce((a, r) => a + r.wrongUncertain, 0);
      console.log(
        `series ${s}: ${rs.length} scans, cells ${c}, exact ${e} (${pct(e, c)}%), wrong-but-marked ${wu}, SILENT ${sw}`,
      );
    }
  }
  const notes: string[] = [];
  for (const r of rows) {
    if (r.status === "missing") notes.push(`${r.file}: no output found`);
    if (r.status !== "missing" && !r.agencyOk) notes.push(`${r.file}: agency read ${JSON.stringify(r.agencyRead)}`);
    if (r.status !== "missing" && !r.yearOk) notes.push(`${r.file}: year read ${r.yearRead}`);
    for (const c of r.silentCells) notes.push(`${r.file}: SILENT ${c}`);
    for (const f of r.spuriousErrorFlags) notes.push(`${r.file}: spurious error flag ${f}`);
    for (const f of r.missedFlags) notes.push(`${r.file}: missed flag ${f}`);
    if (opt.details) for (const c of r.wrongUncertainCells) notes.push(`${r.file}: uncertain ${c}`);
  }
  if (notes.length) console.log(`\n${notes.join("\n")}`);
  if (typeof opt.json === "string") {
    const files = rows.map((r) => ({ ...r, kinds: kinds.get(r.file) ?? null }));
    writeFileSync(opt.json, `${JSON.stringify({ total, files }, null, 2)}\n`);
  }
}

main();
