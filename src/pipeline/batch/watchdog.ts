import { Worker } from "node:worker_threads";

/**
 * A document process's own watchdog, on a thread of its own: it runs while the main thread is stuck in
 * synchronous work (a hostile document can keep pdf.js or a markup walk busy for minutes), where neither an
 * IPC `disconnect` event nor a timer of the main thread would fire. Every `POLL_MS` it ends the whole process
 * (SIGKILL to itself) when
 * - the parent is gone (the batch was killed with -9: the process was adopted, its parent id changed);
 * - the document has run past its deadline (`timeoutMs` plus a grace, so a living parent classifies first);
 * - its RSS exceeds `memoryMb` plus a margin (the same).
 * So the per-document limits hold without the batch, and no document process outlives it.
 */
export interface Watchdog {
  /** Resolves once the thread runs: await it before any synchronous work. */
  readonly ready: Promise<void>;
  /** A document starts: the deadline runs from now. */
  begin(): void;
  /** The document is done: no deadline while idle. */
  end(): void;
}

export interface WatchdogLimits {
  readonly timeoutMs: number;
  readonly memoryMb: number;
}

const POLL_MS = 200;
/** Past the batch's own limits, so that while the batch lives it is the batch that kills and says why. */
const GRACE_MS = 5000;
const MEMORY_MARGIN = 1.1;

/** The thread's code, evaluated (not a module file): the same in `src/` under tsx and in `dist/`. */
const THREAD = `
const { workerData } = require("node:worker_threads");
const { readFileSync } = require("node:fs");
const shared = new Float64Array(workerData.shared);
const { parent, memoryMb, pollMs } = workerData;
const rssMb = () => {
  try {
    const m = /VmRSS:\\s+(\\d+)\\s+kB/.exec(readFileSync("/proc/self/status", "utf8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
};
const die = () => process.kill(process.pid, "SIGKILL");
setInterval(() => {
  if (process.ppid !== parent) die();
  const deadline = shared[0];
  if (deadline > 0 && Date.now() > deadline) die();
  if (rssMb() > memoryMb) die();
}, pollMs);
`;

export function startWatchdog(limits: WatchdogLimits): Watchdog {
  const shared = new SharedArrayBuffer(Float64Array.BYTES_PER_ELEMENT);
  const deadline = new Float64Array(shared);
  const worker = new Worker(THREAD, {
    eval: true,
    workerData: { shared, parent: process.ppid, memoryMb: limits.memoryMb * MEMORY_MARGIN, pollMs: POLL_MS },
    // Plain CommonJS: no loader (tsx) to boot, and its own small heap.
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: 16 },
  });
  worker.unref();
  const ready = new Promise<void>((resolve) => {
    worker.once("online", () => resolve());
    // A thread that cannot start must not hold the document back: the batch's own limits still apply.
    worker.once("error", () => resolve());
  });
  return {
    ready,
    begin: () => {
      deadline[0] = Date.now() + limits.timeoutMs + GRACE_MS;
    },
    end: () => {
      deadline[0] = 0;
    },
  };
}

/** The limits a document process is started with (argv `--watchdog <timeoutMs> <memoryMb>`), or null. */
export function watchdogLimitsFromArgv(argv: readonly string[]): WatchdogLimits | null {
  const at = argv.indexOf("--watchdog");
  if (at < 0) return null;
  const timeoutMs = Number(argv[at + 1]);
  const memoryMb = Number(argv[at + 2]);
  return Number.isFinite(timeoutMs) && Number.isFinite(memoryMb) ? { timeoutMs, memoryMb } : null;
}
