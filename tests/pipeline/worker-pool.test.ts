import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type TaskOutcome, tsxExecArgv, WorkerPool } from "../../src/pipeline/batch/worker-pool.js";

const WORKERS = join(import.meta.dirname, "../fixtures/workers");
const entry = (name: string) => ({ file: join(WORKERS, name), execArgv: tsxExecArgv() });

let pool: WorkerPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

const echoed = (outcome: TaskOutcome) => {
  if (outcome.kind !== "done") throw new Error(`Expected a result, got ${JSON.stringify(outcome)}`);
  return outcome.result.output as unknown as { pid: number; served: number; path: string };
};

describe("WorkerPool", () => {
  it("keeps a process for many documents and replaces it after `recycleAfter`", async () => {
    pool = new WorkerPool({ timeoutMs: 30_000, memoryMb: 256, recycleAfter: 3, entry: entry("echo.ts") });
    const replies = [];
    for (let i = 0; i < 5; i++) replies.push(echoed(await pool.run(`/doc-${i}.pdf`, {})));
    expect(replies.map((r) => r.path)).toEqual(["/doc-0.pdf", "/doc-1.pdf", "/doc-2.pdf", "/doc-3.pdf", "/doc-4.pdf"]);
    expect(replies.map((r) => r.served)).toEqual([1, 2, 3, 1, 2]);
    expect(new Set(replies.slice(0, 3).map((r) => r.pid)).size).toBe(1);
    expect(replies[3]?.pid).not.toBe(replies[0]?.pid);
  });

  it("replaces an idle process that died in between", async () => {
    pool = new WorkerPool({ timeoutMs: 30_000, memoryMb: 256, recycleAfter: 100, entry: entry("echo.ts") });
    const first = echoed(await pool.run("/doc-0.pdf", {}));
    process.kill(first.pid, "SIGKILL");
    for (let i = 0; i < 100 && pool.pids.includes(first.pid); i++) await new Promise((r) => setTimeout(r, 50));
    const second = echoed(await pool.run("/doc-1.pdf", {}));
    expect(second.pid).not.toBe(first.pid);
    expect(second.served).toBe(1);
  });

  it.each([
    ["hang.pdf", { timeoutMs: 5000, memoryMb: 512 }, "timeout", /longer than the limit of 5 s/],
    ["crash.pdf", { timeoutMs: 30_000, memoryMb: 512 }, "internal", /process ended \(exit code 3\)/],
    ["throw.pdf", { timeoutMs: 30_000, memoryMb: 512 }, "internal", /Internal error: Error: a defect$/],
    ["heap.pdf", { timeoutMs: 60_000, memoryMb: 384 }, "too_large", /more than 384 MiB/],
    ["buffers.pdf", { timeoutMs: 60_000, memoryMb: 384 }, "too_large", /more than 384 MiB/],
  ])(
    "%s: the document gets its class, the process is replaced, the next document is read",
    async (name, limits, errorClass, message) => {
      pool = new WorkerPool({ ...limits, recycleAfter: 100, entry: entry("behave.ts") });
      const outcome = await pool.run(`/nowhere/${name}`, {});
      expect(outcome).toMatchObject({ kind: "killed", errorClass });
      expect(outcome.kind === "killed" ? outcome.message : "").toMatch(message);
      const next = await pool.run("/nowhere/quick.pdf", {});
      expect(next.kind).toBe("done");
    },
  );
});
