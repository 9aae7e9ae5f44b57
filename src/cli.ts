#!/usr/bin/env node
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { GongkaiError, UsageError } from "./errors.js";
import type { BatchEntry } from "./pipeline/run-batch.js";

const VERSION = (createRequire(import.meta.url)("../package.json") as { version: string }).version;

const USAGE = `Usage: gongkai extract <files|folders…> --out <dir>

Reads 政府信息公开工作年度报告 (PDF, HTML, .docx) and writes <dir>/<stem>.json per input (folders keep their
relative paths) and <dir>/manifest.jsonl. Output format: SPEC.md §5.

Options:
  -o, --out <dir>   output folder (required)
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
