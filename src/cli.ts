#!/usr/bin/env node
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { GongkaiError, UsageError } from "./errors.js";
import type { BatchEntry } from "./pipeline/run-batch.js";

const VERSION = (createRequire(import.meta.url)("../package.json") as { version: string }).version;

const USAGE = `Usage: gongkai extract <files|folders…> --out <dir>
       gongkai export <extracted dir> --out <dir> [--corrections <corrections.jsonl>]
       gongkai review <extracted dir> [--inputs <dir>] [--corrections <corrections.jsonl>] [--scale <n>]

Reads 政府信息公开工作年度报告 (PDF, HTML, .docx) and writes <dir>/<stem>.json per input (folders keep their
relative paths) and <dir>/manifest.jsonl. Output format: SPEC.md §5.

export writes cells.csv + cells.parquet, reports.csv, flags.csv and DATA_DICTIONARY.md, applying
corrections.jsonl (given, or found in the extracted dir). review writes a static site to
<extracted dir>/review/index.html; --inputs is a folder holding the source files; it shows the
same corrections; --scale sets image pixels per PDF point (default 1.5).

Options:
  -o, --out <dir>   output folder (required for extract and export)
  -q, --quiet       no summary table
  -h, --help        this text
  -v, --version     the version of gongkai`;

/** pdf.js 6 and the rest of the stack need Node ≥ 22; npm scripts and npx run the node@22 devDependency. */
const MIN_NODE_MAJOR = 22;

async function main(argv: readonly string[]): Promise<number> {
  const major = Number(process.versions.node.split(".")[0]);
  if (major < MIN_NODE_MAJOR) {
    throw new GongkaiError(
      `Expected Node ≥ ${MIN_NODE_MAJOR}, got ${process.version}: run gongkai through npx or an npm script, which use the node@22 devDependency`,
    );
  }
  const [command, ...rest] = argv;
  if (command === "-v" || command === "--version") {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (command === "-h" || command === "--help" || command === "help") {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command === "export" || command === "review") return runOutputCommand(command, rest);
  if (command !== "extract")
    throw new UsageError(command === undefined ? "Expected a command" : `Unknown command \`${command}\``);
  let parsed: ReturnType<typeof parseExtractArgs>;
  try {
    parsed = parseExtractArgs(rest);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const out = parsed.values.out;
  if (!out) throw new UsageError("Expected `--out <dir>`");
  if (parsed.positionals.length === 0) throw new UsageError("Expected at least one input file or folder");
  // Loaded only now: on an unsupported Node the version message above comes first, not a pdf.js crash.
  const { runBatch } = await import("./pipeline/run-batch.js");
  const entries = await runBatch(parsed.positionals, { outDir: out });
  if (!parsed.values.quiet) process.stdout.write(formatSummary(entries));
  return 0;
}

/** `export` and `review`: read an extracted folder, write datasets or the review site. */
async function runOutputCommand(command: "export" | "review", args: readonly string[]): Promise<number> {
  let parsed: ReturnType<typeof parseOutputArgs>;
  try {
    parsed = parseOutputArgs(args);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [dir, ...extra] = positionals;
  if (dir === undefined || extra.length > 0) throw new UsageError("Expected one extracted folder");
  if (command === "export") {
    if (!values.out) throw new UsageError("Expected `--out <dir>`");
    const { runExport, formatExportProblems, formatExportSummary } = await import("./stages/export/cli-summary.js");
    const summary = await runExport(dir, {
      outDir: values.out,
      ...(values.corrections === undefined ? {} : { corrections: values.corrections }),
    });
    if (!values.quiet) process.stdout.write(formatExportSummary(summary));
    process.stderr.write(formatExportProblems(summary));
    return 0;
  }
  const { buildReviewSite } = await import("./stages/review/index.js");
  const scale = values.scale === undefined ? undefined : Number(values.scale);
  if (scale !== undefined && !(scale >= 0.5 && scale <= 4)) {
    throw new UsageError(`Expected \`--scale\` to be a number 0.5–4, got \`${values.scale}\``);
  }
  const site = await buildReviewSite(dir, {
    ...(scale === undefined ? {} : { scale }),
    ...(values.inputs === undefined ? {} : { inputs: values.inputs }),
    ...(values.corrections === undefined ? {} : { corrections: values.corrections }),
  });
  if (!values.quiet) {
    process.stdout.write(
      `${site.index}\n${site.reports} report page(s), ${site.images} page image(s) (${site.rendered} rendered now)` +
        `${site.withoutImages > 0 ? `, ${site.withoutImages} report(s) without page images (their pages say why)` : ""}\n`,
    );
  }
  return 0;
}

function parseOutputArgs(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: "string", short: "o" },
      corrections: { type: "string" },
      inputs: { type: "string" },
      scale: { type: "string" },
      quiet: { type: "boolean", short: "q" },
      help: { type: "boolean", short: "h" },
    },
  });
}

function parseExtractArgs(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: "string", short: "o" },
      quiet: { type: "boolean", short: "q" },
      help: { type: "boolean", short: "h" },
    },
  });
}

function formatSummary(entries: readonly BatchEntry[]): string {
  const rows = entries.map((e) => [
    e.file,
    e.status + (e.errorClass ? ` (${e.errorClass})` : ""),
    e.template,
    `${e.flags.error}/${e.flags.warning}/${e.flags.info}`,
    e.seconds.toFixed(2),
  ]);
  const header = ["file", "status", "template", "flags E/W/I", "seconds"];
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ""))));
  const line = (cells: readonly string[]) =>
    `${cells.map((c, i) => c + " ".repeat((widths[i] ?? 0) - width(c))).join("  ")}\n`;
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.status, (counts.get(e.status) ?? 0) + 1);
  const total = [...counts].map(([status, n]) => `${n} ${status}`).join(", ");
  return `${line(header)}${rows.map(line).join("")}${entries.length} file(s): ${total || "none"}\n`;
}

/** Display width: CJK characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1;
  return w;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`gongkai: ${error.message}\n\n${USAGE}\n`);
      process.exitCode = 2;
    } else if (error instanceof GongkaiError) {
      process.stderr.write(`gongkai: ${error.message}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(
        `gongkai: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 1;
    }
  },
);
