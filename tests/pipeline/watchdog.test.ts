import { type ChildProcess, fork, spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { tsxExecArgv } from "../../src/pipeline/batch/worker-pool.js";

/**
 * Document processes die with their batch and hold their limits without it, even while their main thread is
 * stuck in synchronous work (issue 13: a busy process outlived a `kill -9` of the batch, adopted by init).
 */
const WORKERS = join(import.meta.dirname, "../fixtures/workers");
/** Liveness bound, not a timing assertion: the watchdog polls every 200 ms; a loaded machine can be slow. */
const GONE_WITHIN_MS = 300_000;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const until = async (check: () => boolean) => {
  for (const start = Date.now(); Date.now() - start < GONE_WITHIN_MS && !check(); )
    await new Promise((r) => setTimeout(r, 100));
  return check();
};

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

describe("the document process watchdog", () => {
  it("ends a busy document process once its batch is killed with -9", async () => {
    const parent = spawn(process.execPath, [...tsxExecArgv(), join(WORKERS, "orphan-parent.ts")], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    started.push(parent);
    const [chunk] = (await once(parent.stdout, "data")) as [Buffer];
    const child = Number(chunk.toString().trim());
    expect(Number.isInteger(child)).toBe(true);
    expect(alive(child)).toBe(true);
    parent.kill("SIGKILL");
    await once(parent, "exit");
    expect(await until(() => !alive(child))).toBe(true);
  });

  it.each([
    ["spin.pdf", "its deadline", ["--watchdog", "1000", "4096"]],
    ["grow.pdf", "its memory limit", ["--watchdog", "600000", "256"]],
  ])("kills a busy %s at %s on its own", async (name, _limit, args) => {
    const child = fork(join(WORKERS, "busy.ts"), args, { execArgv: tsxExecArgv(), stdio: "ignore" });
    started.push(child);
    const exit = once(child, "exit");
    child.send({ id: 1, path: `/nowhere/${name}`, options: {} });
    const [code, signal] = (await exit) as [number | null, NodeJS.Signals | null];
    expect({ code, signal }).toEqual({ code: null, signal: "SIGKILL" });
  });
});
