#!/usr/bin/env node
import { stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { GongkaiError, UsageError } from "./errors.js";
import { parseByteSize } from "./pipeline/batch/byte-size.js";
import { DEFAULT_MAX_MEMORY_MB, DEFAULT_MAX_PAGES, DEFAULT_TIMEOUT_SECONDS } from "./pipeline/batch/defaults.js";

const VERSION = (createRequire(import.meta.url)("../package.json") as { version: string }).version;

const USAGE = `Usage: gongkai extract <files|folders…> --out <dir> [options]
       gongkai extract <files|folders…> --out <dir> --queue redis://host:port[/db] [options]
       gongkai worker --queue redis://host:port[/db] [--jobs <n>] [--lock-seconds <n>]
       gongkai status --queue redis://host:port[/db] [--run <id>] [--wait]
       gongkai check <dir>
       gongkai export <extracted dir> --out <dir> [--corrections <corrections.jsonl>]
       gongkai review <extracted dir> [--inputs <dir>] [--corrections <corrections.jsonl>] [--scale <n>]

extract: reads 政府信息公开工作年度报告 (PDF, HTML, .docx) and writes <dir>/<stem>.json per input
(folders keep their relative paths), <dir>/manifest.jsonl and <dir>/cross-report.json. Output format:
SPEC.md §5. A rerun skips inputs already done (same bytes, same pipeline version).
With --queue, extract enqueues one job per input on Redis (BullMQ) instead of running them and prints
the run id; \`gongkai worker\` processes on any number of machines take them (inputs and <dir> on storage
they all reach); \`gongkai status\` shows progress. See README "Distributed runs".
check: runs the cross-report rules over the outputs in <dir> and writes <dir>/cross-report.json.

export writes cells.csv + cells.parquet, reports.csv, flags.csv and DATA_DICTIONARY.md, applying
corrections.jsonl (given, or found in the extracted dir). review writes a static site to
<extracted dir>/review/index.html; --inputs is a folder holding the source files; it shows the
same corrections; --scale sets image pixels per PDF point (default 1.5).

Options:
  -o, --out <dir>       output folder (required for extract and export)
  -j, --jobs <n>        documents processed at once (default: the number of cores)
  --timeout <seconds>   wall-clock limit per document (default ${DEFAULT_TIMEOUT_SECONDS}); then: timeout
  --max-pages <n>       documents with more pages fail as too_large (default ${DEFAULT_MAX_PAGES})
  --max-memory <MiB>    memory per document process (default ${DEFAULT_MAX_MEMORY_MB}); then: too_large
  --max-bytes <n>       inputs larger than this (bytes; k, M, G suffixes) fail as too_large unread (default 256M)
  --retry-failed        also redo inputs whose last run failed
  --queue <url>         Redis of a distributed run (extract: enqueue; worker; status)
  --lock-seconds <n>    worker: a dead worker's job is taken up again after about this (default 30)
  --run <id>            status: this run only (default: the newest runs)
  --wait                status: wait until the run has drained and its cross-report is written
  -q, --quiet           no progress, no summary
  -h, --help            this text
  -v, --version         the version of gongkai`;

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
  if (command === "check") return check(rest);
  if (command === "worker") return worker(rest);
  if (command === "status") return status(rest);
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
  const limits = {
    jobs: parseCount("--jobs", parsed.values.jobs, 1),
    timeoutSeconds: parsePositive("--timeout", parsed.values.timeout),
    maxPages: parseCount("--max-pages", parsed.values["max-pages"], 1),
    maxMemoryMb: parseCount("--max-memory", parsed.values["max-memory"], 128),
    maxBytes: parseSize("--max-bytes", parsed.values["max-bytes"]),
  };
  const quiet = parsed.values.quiet === true;
  if (parsed.values.queue !== undefined) {
    const { enqueueInputs } = await import("./pipeline/queue/enqueue.js");
    const { redisOptions } = await import("./pipeline/queue/connection.js");
    redisOptions(parsed.values.queue); // a malformed URL is a usage error before any input is hashed
    const run = await enqueueInputs(parsed.positionals, {
      outDir: out,
      queueUrl: parsed.values.queue,
      retryFailed: parsed.values["retry-failed"] === true,
      ...definedOnly({
        timeoutSeconds: limits.timeoutSeconds,
        maxPages: limits.maxPages,
        maxMemoryMb: limits.maxMemoryMb,
        maxBytes: limits.maxBytes,
      }),
    });
    process.stdout.write(`run ${run.runId}\n`);
    if (!quiet) {
      process.stdout.write(
        `${run.inputs} input(s): ${run.enqueued} enqueued, ${run.alreadyQueued} already queued, ${run.skipped} already done (pipeline ${run.pipelineVersion})\n`,
      );
    }
    return 0;
  }
  // Loaded only now: on an unsupported Node the version message above comes first, not a pdf.js crash.
  const { runBatch } = await import("./pipeline/run-batch.js");
  const { Progress } = await import("./pipeline/batch/progress.js");
  const { formatBatchSummary } = await import("./pipeline/batch/format-summary.js");
  let progress: InstanceType<typeof Progress> | null = null;
  let ticker: NodeJS.Timeout | undefined;
  try {
    const summary = await runBatch(parsed.positionals, {
      outDir: out,
      ...definedOnly(limits),
      retryFailed: parsed.values["retry-failed"] === true,
      onStart: ({ total, summary: current }) => {
        if (quiet || total === 0) return;
        const bar = new Progress({ stream: process.stderr, tty: process.stderr.isTTY === true, total });
        progress = bar;
        bar.update(current);
        // Between documents too: elapsed time and ETA move while a long document runs.
        ticker = setInterval(() => bar.update(current), 1000);
        ticker.unref();
      },
      onDocument: (_entry, current) => progress?.update(current),
    });
    clearInterval(ticker);
    (progress as InstanceType<typeof Progress> | null)?.finish();
    if (!quiet) process.stdout.write(formatBatchSummary(summary));
  } finally {
    clearInterval(ticker);
  }
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

function parseCheckArgs(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: { quiet: { type: "boolean", short: "q" } },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

async function check(args: readonly string[]): Promise<number> {
  const parsed = parseCheckArgs(args);
  const [dir, ...extra] = parsed.positionals;
  if (dir === undefined || extra.length > 0)
    throw new UsageError("Expected one folder of extracted outputs: `gongkai check <dir>`");
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new UsageError(`Expected an existing folder, got \`${dir}\``);
  const { checkReports } = await import("./pipeline/check-reports.js");
  const { formatCrossSummary } = await import("./pipeline/batch/format-summary.js");
  const result = await checkReports(dir);
  if (!parsed.values.quiet) process.stdout.write(formatCrossSummary(result.report, result.path));
  return 0;
}

function parseQueueArgs(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      allowPositionals: false,
      strict: true,
      options: {
        queue: { type: "string" },
        jobs: { type: "string", short: "j" },
        "lock-seconds": { type: "string" },
        run: { type: "string" },
        wait: { type: "boolean" },
        quiet: { type: "boolean", short: "q" },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** `gongkai worker`: takes documents off the queue until SIGINT/SIGTERM, then finishes its active ones. */
async function worker(args: readonly string[]): Promise<number> {
  const { values } = parseQueueArgs(args);
  if (!values.queue) throw new UsageError("Expected `--queue redis://host:port[/db]`");
  const { redisOptions } = await import("./pipeline/queue/connection.js");
  redisOptions(values.queue);
  const jobs = parseCount("--jobs", values.jobs, 1) ?? 1;
  const lockSeconds = parseCount("--lock-seconds", values["lock-seconds"], 1);
  const { runQueueWorker } = await import("./pipeline/queue/run-worker.js");
  const stop = new Promise<void>((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
  const quiet = values.quiet === true;
  if (!quiet) process.stderr.write(`gongkai worker: ${jobs} job(s) at once from ${values.queue}\n`);
  await runQueueWorker({
    queueUrl: values.queue,
    jobs,
    stop,
    ...(lockSeconds === undefined ? {} : { lockSeconds }),
    log: (line) => {
      if (!quiet) process.stdout.write(`${line}\n`);
    },
  });
  return 0;
}

/** `gongkai status`: queue counts and run progress; with --wait, returns once the run has drained. */
async function status(args: readonly string[]): Promise<number> {
  const { values } = parseQueueArgs(args);
  if (!values.queue) throw new UsageError("Expected `--queue redis://host:port[/db]`");
  const { redisOptions } = await import("./pipeline/queue/connection.js");
  redisOptions(values.queue);
  const { formatQueueStatus, readQueueStatus, waitForRun } = await import("./pipeline/queue/status.js");
  if (values.wait) {
    if (!values.run) throw new UsageError("Expected `--run <id>` with `--wait`");
    await waitForRun(values.queue, values.run);
  }
  process.stdout.write(formatQueueStatus(await readQueueStatus(values.queue, values.run)));
  return 0;
}

/** A whole number ≥ `min`, or undefined when the option is absent. */
function parseCount(name: string, text: string | undefined, min: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) {
    throw new UsageError(`Expected \`${name}\` to be an integer ≥ ${min}, got \`${text}\``);
  }
  return value;
}

function parseSize(name: string, text: string | undefined): number | undefined {
  try {
    return parseByteSize(name, text);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function parsePositive(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    throw new UsageError(`Expected \`${name}\` to be a number of seconds > 0, got \`${text}\``);
  }
  return value;
}

/** Drops undefined fields (the batch options are exactOptionalPropertyTypes). */
function definedOnly<T extends Record<string, unknown>>(record: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

function parseExtractArgs(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: "string", short: "o" },
      jobs: { type: "string", short: "j" },
      timeout: { type: "string" },
      "max-pages": { type: "string" },
      "max-memory": { type: "string" },
      "max-bytes": { type: "string" },
      "retry-failed": { type: "boolean" },
      queue: { type: "string" },
      quiet: { type: "boolean", short: "q" },
      help: { type: "boolean", short: "h" },
    },
  });
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
