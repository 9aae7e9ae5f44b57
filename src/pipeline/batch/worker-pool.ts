import { type ChildProcess, fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { DocumentResult, ExtractOptions } from "../extract-document.js";
import type { WorkerReply, WorkerRequest } from "./worker-protocol.js";

/** How a document process is started: its entry file and the Node options it needs to load it. */
export interface WorkerEntry {
  readonly file: string;
  readonly execArgv: readonly string[];
}

export interface PoolOptions {
  /** Wall-clock limit per document, in milliseconds; the process is killed (SIGKILL) when it runs out. */
  readonly timeoutMs: number;
  /** Memory limit per document process, in MiB: 3/4 of it is V8's old space, all of it the RSS watchdog's. */
  readonly memoryMb: number;
  /** A process is replaced after this many documents, so a slow leak in a dependency cannot accumulate. */
  readonly recycleAfter: number;
  readonly entry?: WorkerEntry;
}

export type KilledClass = "timeout" | "too_large" | "internal";

export type TaskOutcome =
  | { readonly kind: "done"; readonly result: DocumentResult }
  | { readonly kind: "killed"; readonly errorClass: KilledClass; readonly message: string };

/** Interval of the RSS watchdog, in milliseconds. */
const RSS_POLL_MS = 100;
/** Bytes of a process's stderr kept to tell a V8 heap overflow from another crash. */
const STDERR_TAIL = 4096;

const here = fileURLToPath(import.meta.url);

/** The Node options that let a child load TypeScript sources (tests, `tsx src/cli.ts`). */
export function tsxExecArgv(): string[] {
  const loader = createRequire(import.meta.url).resolve("tsx");
  return ["--import", pathToFileURL(loader).href];
}

/**
 * The document-process entry beside this module: `worker-entry.js` when running from `dist/`, the
 * TypeScript source (loaded through tsx) when running from `src/` under tsx or vitest.
 */
export function defaultWorkerEntry(): WorkerEntry {
  const fromSource = here.endsWith(".ts");
  return {
    file: join(dirname(here), fromSource ? "worker-entry.ts" : "worker-entry.js"),
    execArgv: fromSource ? tsxExecArgv() : [],
  };
}

interface Child {
  readonly proc: ChildProcess;
  documents: number;
  stderrTail: string;
  exited: boolean;
}

/**
 * Long-lived document processes, one document at a time each. The caller bounds concurrency (p-queue):
 * `run` takes an idle process or starts one. A process that times out, exceeds its memory or crashes is
 * killed and dropped, its document gets an error class, and the next `run` starts a fresh one.
 */
export class WorkerPool {
  readonly #options: PoolOptions;
  readonly #entry: WorkerEntry;
  readonly #idle: Child[] = [];
  readonly #all = new Set<Child>();
  #nextId = 1;

  constructor(options: PoolOptions) {
    this.#options = options;
    this.#entry = options.entry ?? defaultWorkerEntry();
  }

  /** Process ids of the live document processes (for progress and the benchmark's RSS sampling). */
  get pids(): number[] {
    return [...this.#all].flatMap((c) => (c.proc.pid === undefined ? [] : [c.proc.pid]));
  }

  run(path: string | Buffer, options: ExtractOptions): Promise<TaskOutcome> {
    let child = this.#idle.pop();
    while (child?.exited) child = this.#idle.pop(); // an idle process can die (killed from outside)
    child ??= this.#spawn();
    const id = this.#nextId++;
    return new Promise((resolve) => {
      let killedFor: { errorClass: KilledClass; message: string } | null = null;
      const kill = (errorClass: KilledClass, message: string) => {
        if (killedFor) return;
        killedFor = { errorClass, message };
        child.proc.kill("SIGKILL");
      };
      const timer = setTimeout(
        () =>
          kill("timeout", `Processing took longer than the limit of ${this.#options.timeoutMs / 1000} s (--timeout)`),
        this.#options.timeoutMs,
      );
      const watchdog = setInterval(() => {
        const rss = readRssMb(child.proc.pid);
        if (rss !== null && rss > this.#options.memoryMb) {
          kill("too_large", `The document needed more than ${this.#options.memoryMb} MiB of memory (--max-memory)`);
        }
      }, RSS_POLL_MS);
      const settle = (outcome: TaskOutcome) => {
        clearTimeout(timer);
        clearInterval(watchdog);
        child.proc.off("message", onMessage);
        child.proc.off("close", onExit);
        resolve(outcome);
      };
      const onMessage = (reply: WorkerReply) => {
        if (reply.id !== id || killedFor) return;
        child.documents += 1;
        if (child.documents >= this.#options.recycleAfter) this.#retire(child);
        else this.#idle.push(child);
        settle(
          "result" in reply
            ? { kind: "done", result: reply.result }
            : { kind: "killed", errorClass: "internal", message: `Internal error: ${firstLine(reply.error)}` },
        );
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        this.#all.delete(child);
        if (killedFor) return settle({ kind: "killed", ...killedFor });
        // `close` comes after stderr is drained. V8 aborts with this on stderr when the old space (--max-old-space-size) is exhausted.
        if (/heap out of memory|Reached heap limit/i.test(child.stderrTail)) {
          return settle({
            kind: "killed",
            errorClass: "too_large",
            message: `The document needed more than ${this.#options.memoryMb} MiB of memory (--max-memory)`,
          });
        }
        settle({
          kind: "killed",
          errorClass: "internal",
          message: `Internal error: the document process ended (${signal ?? `exit code ${code}`})`,
        });
      };
      child.proc.on("message", onMessage);
      child.proc.on("close", onExit);
      const request: WorkerRequest = { id, path, options };
      child.proc.send(request, (error) => {
        if (!error) return;
        kill("internal", `Internal error: cannot reach the document process (${error.message})`);
        // Already gone: no \`close\` is coming to settle the task.
        if (child.exited)
          settle({ kind: "killed", errorClass: "internal", message: `Internal error: ${error.message}` });
      });
    });
  }

  /** Ends every process: idle ones leave on disconnect; called once no `run` is pending. */
  async close(): Promise<void> {
    const exits = [...this.#all].map((child) => this.#retire(child));
    this.#idle.length = 0;
    await Promise.all(exits);
  }

  #spawn(): Child {
    const { memoryMb } = this.#options;
    // The process's own watchdog (watchdog.ts) holds these limits even when this batch is gone.
    const watchdog = ["--watchdog", String(this.#options.timeoutMs), String(memoryMb)];
    const proc = fork(this.#entry.file, watchdog, {
      execArgv: [
        `--max-old-space-size=${Math.max(64, Math.floor((memoryMb * 3) / 4))}`,
        // V8 compiles and collects garbage on the process's own thread instead of background threads. A batch
        // runs a process per core: background threads only compete with the other documents, and their
        // hand-offs cost CPU (on the 30-report bench: a document process took 3.49 CPU s instead of 3.73,
        // peak RSS 172 MiB instead of 185; the batch's wall time the same at --jobs 1).
        "--single-threaded",
        // A process lives for at most `recycleAfter` documents, and half of its first 30 reports' CPU went to
        // warming up (pdf.js's code run cold, then optimised). Optimising a function after 10,000 calls instead
        // of V8's 3,000 spends less on TurboFan compiling code that never repays it: 30 reports -0.34 CPU s
        // (3.65 -> 3.33, 8 alternating pairs), 90 reports in one process -0.19 (7.15 -> 6.92, 4 pairs).
        "--invocation-count-for-turbofan=10000",
        ...this.#entry.execArgv,
      ],
      serialization: "advanced",
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    const child: Child = { proc, documents: 0, stderrTail: "", exited: false };
    proc.stderr?.setEncoding("utf8");
    proc.stderr?.on("data", (chunk: string) => {
      child.stderrTail = (child.stderrTail + chunk).slice(-STDERR_TAIL);
    });
    proc.on("exit", () => {
      child.exited = true;
      this.#all.delete(child);
    });
    // A failed spawn also emits `exit`; this keeps the error from being thrown as unhandled.
    proc.on("error", () => undefined);
    this.#all.add(child);
    return child;
  }

  #retire(child: Child): Promise<void> {
    this.#all.delete(child);
    if (child.exited) return Promise.resolve();
    return new Promise((resolve) => {
      child.proc.once("exit", () => resolve());
      if (child.proc.connected) child.proc.disconnect();
      else child.proc.kill("SIGKILL");
    });
  }
}

/** Resident set size of a process in MiB, from /proc (Linux); null where it cannot be read. */
export function readRssMb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

function firstLine(text: string): string {
  return text.split("\n", 1)[0] ?? text;
}
