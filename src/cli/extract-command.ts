import { describeError, UsageError } from "../errors.js";
import type { BatchEntry, BatchSummary } from "../pipeline/batch/batch-summary.js";
import { parseByteSize } from "../pipeline/batch/byte-size.js";
import { definedOnly, parseCommandArgs, parseCount, parsePositive } from "./args.js";
import { assertOutFolder } from "./folders.js";
import { COMMAND_USAGE, INPUT_KINDS } from "./usage.js";

const OPTIONS = {
  out: { type: "string", short: "o" },
  jobs: { type: "string", short: "j" },
  timeout: { type: "string" },
  "max-pages": { type: "string" },
  "max-memory": { type: "string" },
  "max-bytes": { type: "string" },
  "retry-failed": { type: "boolean" },
  strict: { type: "boolean" },
  json: { type: "boolean" },
  verbose: { type: "boolean", short: "v" },
  queue: { type: "string" },
  quiet: { type: "boolean", short: "q" },
} as const;

/** How the user runs gongkai again: `npx gongkai` inside an npm script or npx, else the installed bin. */
export function commandPrefix(): string {
  return process.env.npm_execpath === undefined ? "gongkai" : "npx gongkai";
}

/** `gongkai extract`: the local batch, or with `--queue` the producer of a distributed run. */
export async function runExtractCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, true);
  if (values.help) {
    process.stdout.write(`${COMMAND_USAGE.extract}\n`);
    return 0;
  }
  const out = values.out;
  if (!out) throw new UsageError("Expected `--out <dir>`");
  if (positionals.length === 0) throw new UsageError("Expected at least one input file or folder");
  await assertOutFolder(out);
  const limits = {
    jobs: parseCount("--jobs", values.jobs, 1),
    timeoutSeconds: parsePositive("--timeout", values.timeout),
    maxPages: parseCount("--max-pages", values["max-pages"], 1),
    maxMemoryMb: parseCount("--max-memory", values["max-memory"], 128),
    maxBytes: parseSize("--max-bytes", values["max-bytes"]),
  };
  const { collectInputs } = await import("../pipeline/collect-inputs.js");
  if ((await collectInputs(positionals)).length === 0) {
    throw new UsageError(
      `No inputs found in ${positionals.map((p) => `\`${p}\``).join(", ")}: gongkai reads ${INPUT_KINDS} files`,
    );
  }
  const quiet = values.quiet === true;
  if (values.queue !== undefined) {
    const { enqueueInputs } = await import("../pipeline/queue/enqueue.js");
    const { redisOptions } = await import("../pipeline/queue/connection.js");
    redisOptions(values.queue); // a malformed URL is a usage error before any input is hashed
    const run = await enqueueInputs(positionals, {
      outDir: out,
      queueUrl: values.queue,
      retryFailed: values["retry-failed"] === true,
      ...definedOnly({
        timeoutSeconds: limits.timeoutSeconds,
        maxPages: limits.maxPages,
        maxMemoryMb: limits.maxMemoryMb,
        maxBytes: limits.maxBytes,
      }),
    });
    if (values.json) {
      process.stdout.write(`${JSON.stringify(run)}\n`);
      return 0;
    }
    process.stdout.write(`run ${run.runId}\n`);
    if (!quiet) {
      process.stdout.write(
        `${run.inputs} input(s): ${run.enqueued} enqueued, ${run.alreadyQueued} already queued, ${run.skipped} already done (pipeline ${run.pipelineVersion})\n`,
      );
    }
    return 0;
  }
  // Loaded only now: the usage checks above answer at once.
  const { runBatch } = await import("../pipeline/run-batch.js");
  const { Progress } = await import("../pipeline/batch/progress.js");
  const { formatBatchSummary } = await import("../pipeline/batch/format-summary.js");
  const verbose = values.verbose === true && !quiet;
  let progress: InstanceType<typeof Progress> | null = null;
  let ticker: NodeJS.Timeout | undefined;
  const interrupted = () => {
    process.stderr.write("\ngongkai: interrupted: rerun the same command to resume\n");
    process.exit(130);
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  let summary: BatchSummary;
  try {
    summary = await runBatch(positionals, {
      outDir: out,
      ...definedOnly(limits),
      retryFailed: values["retry-failed"] === true,
      onStart: ({ total, summary: current }) => {
        if (quiet || verbose || total === 0) return;
        const bar = new Progress({ stream: process.stderr, tty: process.stderr.isTTY === true, total });
        progress = bar;
        bar.update(current);
        // Between documents too: elapsed time and ETA move while a long document runs.
        ticker = setInterval(() => bar.update(current), 1000);
        ticker.unref();
      },
      onDocument: (entry, current) => {
        if (verbose) process.stderr.write(formatEntry(entry));
        progress?.update(current);
      },
    });
    (progress as InstanceType<typeof Progress> | null)?.finish();
  } finally {
    clearInterval(ticker);
    process.off("SIGINT", interrupted);
    process.off("SIGTERM", interrupted);
  }
  const nothingDone = summary.done === 0 && summary.skipped > 0;
  let shown = summary;
  if (nothingDone) {
    const { summarizeOutputFolder } = await import("../pipeline/summarize-output.js");
    shown = { ...(await summarizeOutputFolder(out)), inputs: summary.inputs, skipped: summary.skipped };
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ ...shown, outDir: out, nothingToDo: nothingDone })}\n`);
  } else if (!quiet) {
    if (nothingDone) {
      const rest = formatBatchSummary(shown).split("\n").slice(1).join("\n");
      process.stdout.write(
        `${summary.inputs} input(s), all done before (same bytes, same pipeline): nothing to extract. ` +
          `${out} holds:\n${rest}`,
      );
    } else process.stdout.write(formatBatchSummary(summary));
    process.stdout.write(formatNextSteps(out));
  }
  if (values.strict && (shown.byStatus.failure ?? 0) > 0) {
    process.stderr.write(`gongkai: ${shown.byStatus.failure} document(s) failed (--strict)\n`);
    return 1;
  }
  return 0;
}

function formatEntry(entry: BatchEntry): string {
  const flags = entry.flags.error + entry.flags.warning + entry.flags.info;
  const detail =
    entry.status === "failure"
      ? `${entry.errorClass ?? "failure"}: ${entry.message ?? ""}`
      : `${entry.template}, ${entry.flags.error} error(s), ${entry.flags.warning} warning(s), ${flags} flag(s)` +
        (entry.duplicateOf === null ? "" : `, same bytes as ${entry.duplicateOf}`);
  return `${entry.status.padEnd(15)} ${entry.file} → ${entry.out} (${detail}, ${entry.seconds.toFixed(1)} s)\n`;
}

/** Where the outputs went and what to open next: the first thing a newcomer needs after `npm start`. */
export function formatNextSteps(out: string): string {
  const gongkai = commandPrefix();
  return [
    "",
    `outputs: ${out}/ (one JSON per input, manifest.jsonl, cross-report.json)`,
    "next:",
    `  ${gongkai} review ${out}                   check readings against the page: open ${out}/review/index.html`,
    `  ${gongkai} export ${out} --out datasets    CSV and Parquet tables with a data dictionary`,
    "",
  ].join("\n");
}

function parseSize(name: string, text: string | undefined): number | undefined {
  try {
    return parseByteSize(name, text);
  } catch (error) {
    throw new UsageError(describeError(error));
  }
}
