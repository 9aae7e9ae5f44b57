import { UsageError } from "../errors.js";
import { parseCommandArgs, parseCount } from "./args.js";
import { COMMAND_USAGE } from "./usage.js";

/** `gongkai worker`: takes documents off the queue until SIGINT/SIGTERM, then finishes its active ones. */
export async function runWorkerCommand(args: readonly string[]): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    {
      queue: { type: "string" },
      jobs: { type: "string", short: "j" },
      "lock-seconds": { type: "string" },
      quiet: { type: "boolean", short: "q" },
    },
    false,
  );
  if (values.help) {
    process.stdout.write(`${COMMAND_USAGE.worker}\n`);
    return 0;
  }
  if (!values.queue) throw new UsageError("Expected `--queue redis://host:port[/db]`");
  const { redisOptions } = await import("../pipeline/queue/connection.js");
  redisOptions(values.queue);
  const jobs = parseCount("--jobs", values.jobs, 1) ?? 1;
  const lockSeconds = parseCount("--lock-seconds", values["lock-seconds"], 1);
  const { runQueueWorker } = await import("../pipeline/queue/run-worker.js");
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
export async function runStatusCommand(args: readonly string[]): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    { queue: { type: "string" }, run: { type: "string" }, wait: { type: "boolean" } },
    false,
  );
  if (values.help) {
    process.stdout.write(`${COMMAND_USAGE.status}\n`);
    return 0;
  }
  if (!values.queue) throw new UsageError("Expected `--queue redis://host:port[/db]`");
  const { redisOptions } = await import("../pipeline/queue/connection.js");
  redisOptions(values.queue);
  const { formatQueueStatus, readQueueStatus, waitForRun } = await import("../pipeline/queue/status.js");
  if (values.wait) {
    if (!values.run) throw new UsageError("Expected `--run <id>` with `--wait`");
    await waitForRun(values.queue, values.run);
  }
  process.stdout.write(formatQueueStatus(await readQueueStatus(values.queue, values.run)));
  return 0;
}
