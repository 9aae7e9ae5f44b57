import { UsageError } from "../errors.js";
import { parseCommandArgs } from "./args.js";
import { assertExtractOutput, assertOutFolder } from "./folders.js";
import { COMMAND_USAGE } from "./usage.js";

const QUIET = { quiet: { type: "boolean", short: "q" }, json: { type: "boolean" } } as const;

function oneFolder(positionals: readonly string[], command: string): string {
  const [dir, ...extra] = positionals;
  if (dir === undefined || extra.length > 0) {
    throw new UsageError(`Expected one extract output folder: \`gongkai ${command} <extracted dir>\``);
  }
  return dir;
}

/** `gongkai export`: datasets of an extract output. */
export async function runExportCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { ...QUIET, out: { type: "string", short: "o" }, corrections: { type: "string" }, excel: { type: "boolean" } },
    true,
  );
  if (values.help) {
    process.stdout.write(`${COMMAND_USAGE.export}\n`);
    return 0;
  }
  const dir = oneFolder(positionals, "export");
  if (!values.out) throw new UsageError("Expected `--out <dir>`");
  await assertExtractOutput(dir, "export");
  await assertOutFolder(values.out);
  const { runExport, formatExportProblems, formatExportSummary } = await import("../outputs/export/cli-summary.js");
  const summary = await runExport(dir, {
    outDir: values.out,
    excel: values.excel === true,
    ...(values.corrections === undefined ? {} : { corrections: values.corrections }),
  });
  if (values.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
  else if (!values.quiet) process.stdout.write(formatExportSummary(summary));
  process.stderr.write(formatExportProblems(summary));
  return 0;
}

/** `gongkai review`: the static review site inside the extract output. */
export async function runReviewCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { ...QUIET, corrections: { type: "string" }, inputs: { type: "string" }, scale: { type: "string" } },
    true,
  );
  if (values.help) {
    process.stdout.write(`${COMMAND_USAGE.review}\n`);
    return 0;
  }
  const dir = oneFolder(positionals, "review");
  const scale = values.scale === undefined ? undefined : Number(values.scale);
  if (scale !== undefined && !(scale >= 0.5 && scale <= 4)) {
    throw new UsageError(`Expected \`--scale\` to be a number 0.5–4, got \`${values.scale}\``);
  }
  await assertExtractOutput(dir, "review");
  // Built in a process of its own, with the V8 heap settings that keep it small (build-process.ts).
  const { runReviewBuild } = await import("../outputs/review/build-process.js");
  const quiet = values.quiet === true || values.json === true;
  const site = await runReviewBuild({
    dir,
    options: {
      ...(scale === undefined ? {} : { scale }),
      ...(values.inputs === undefined ? {} : { inputs: values.inputs }),
      ...(values.corrections === undefined ? {} : { corrections: values.corrections }),
    },
    progress: !quiet,
  });
  if (values.json) process.stdout.write(`${JSON.stringify(site)}\n`);
  else if (!values.quiet) {
    process.stdout.write(
      `${site.index}\n${site.reports} report page(s), ${site.images} page image(s) (${site.rendered} rendered now)` +
        `${site.withoutImages > 0 ? `, ${site.withoutImages} report(s) without page images (their pages say why)` : ""}\n`,
    );
  }
  return 0;
}

/** `gongkai check`: the cross-report rules over an extract output. */
export async function runCheckCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, QUIET, true);
  if (values.help) {
    process.stdout.write(`${COMMAND_USAGE.check}\n`);
    return 0;
  }
  const dir = oneFolder(positionals, "check");
  await assertExtractOutput(dir, "check");
  const { checkReports } = await import("../pipeline/check-reports.js");
  const { formatCrossSummary } = await import("../pipeline/batch/format-summary.js");
  const result = await checkReports(dir);
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify({ path: result.path, ...result.report, flagsByRule: result.flagsByRule })}\n`,
    );
  } else if (!values.quiet) process.stdout.write(formatCrossSummary(result.report, result.path));
  return 0;
}
