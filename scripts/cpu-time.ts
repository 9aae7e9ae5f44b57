/**
 * CPU seconds for the benchmarks: user + system time of every process and thread that did the work, process
 * start-up included. On a shared machine wall time measures the load as much as the work; CPU time does not
 * (it still grows a little under contention: caches and the other hyperthread are shared), so every figure of
 * `npm run bench` is CPU seconds with wall seconds beside it.
 *
 * - A command (`runCosted`): run under bash, whose `times` builtin reports the rusage of its waited-for children:
 *   the command and every descendant it waited for (gongkai's document processes, their threads: GC, JIT, OCR).
 * - Work in this process (`costOf`): `process.cpuUsage()` (every thread of this process) around it.
 */
import { spawn } from "node:child_process";

export interface Cost {
  /** User + system CPU seconds. */
  readonly cpu: number;
  /** Wall-clock seconds. */
  readonly wall: number;
}

/** The children's line of bash's `times` ("0m1.234s 0m0.056s"), in seconds (user + system). */
export function parseTimes(text: string): number {
  const line = text.trim().split("\n")[1];
  if (line === undefined) throw new Error(`Expected two lines from bash \`times\`, got \`${text}\``);
  return [...line.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, m) => sum + Number(m[1]) * 60 + Number(m[2]), 0);
}

/**
 * Runs `command args…` (stdout dropped, stderr passed through) and returns its CPU seconds, its descendants'
 * included, and its wall seconds. Rejects when it exits non-zero.
 */
export function runCosted(
  command: string,
  args: readonly string[],
  options: { readonly cwd?: string; readonly env?: NodeJS.ProcessEnv } = {},
): Promise<Cost> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // fd 3 carries `times`, so the command keeps stdout and stderr.
    const child = spawn("bash", ["-c", '"$@" >/dev/null || exit $?; times >&3', "bash", command, ...args], {
      stdio: ["ignore", "ignore", "inherit", "pipe"],
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      ...(options.env === undefined ? {} : { env: options.env }),
    });
    let out = "";
    const timesPipe = child.stdio[3] as NodeJS.ReadableStream;
    timesPipe.setEncoding("utf8");
    timesPipe.on("data", (chunk: string) => {
      out += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`Expected \`${command} ${args.join(" ")}\` to exit 0, got ${code}`));
      try {
        resolve({ cpu: parseTimes(out), wall: (performance.now() - started) / 1000 });
      } catch (error) {
        reject(error);
      }
    });
  });
}

/** CPU and wall seconds of `fn` run in this process (every thread of the process counts). */
export async function costOf<T>(fn: () => Promise<T>): Promise<{ value: T; cost: Cost }> {
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const value = await fn();
  const used = process.cpuUsage(cpuStart);
  return { value, cost: { cpu: (used.user + used.system) / 1e6, wall: (performance.now() - started) / 1000 } };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Median CPU seconds and median wall seconds of a few runs (each taken on its own). */
export function medianCost(costs: readonly Cost[]): Cost {
  return { cpu: median(costs.map((c) => c.cpu)), wall: median(costs.map((c) => c.wall)) };
}
