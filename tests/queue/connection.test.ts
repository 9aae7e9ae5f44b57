import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { redisOptions } from "../../src/pipeline/queue/connection.js";
import { documentJobId } from "../../src/pipeline/queue/job.js";
import { CLI } from "../helpers/cli.js";

describe("redisOptions", () => {
  it("reads host, port, db and credentials from a redis:// URL", () => {
    const o = redisOptions("redis://user:p%40ss@queue-host:6380/3");
    expect([o.host, o.port, o.db, o.username, o.password]).toEqual(["queue-host", 6380, 3, "user", "p@ss"]);
    expect(o.maxRetriesPerRequest).toBeNull();
    const d = redisOptions("redis://127.0.0.1");
    expect([d.port, d.db, d.tls]).toEqual([6379, 0, undefined]);
    expect(redisOptions("rediss://h:1/0").tls).toEqual({});
  });

  it("rejects what is not a redis URL", () => {
    expect(() => redisOptions("127.0.0.1:6379")).toThrow(UsageError);
    expect(() => redisOptions("http://h:1")).toThrow(UsageError);
    expect(() => redisOptions("redis://h:1/x")).toThrow(UsageError);
  });
});

describe("documentJobId", () => {
  const base = { outDir: "/out", out: "a/b.json", sha256: "ab".repeat(32), pipelineVersion: "0.1.0+x" };
  it("is the same for the same work and differs when any part differs", () => {
    expect(documentJobId(base)).toBe(documentJobId({ ...base }));
    expect(documentJobId(base)).toMatch(/^doc-[0-9a-f]{40}$/);
    for (const key of Object.keys(base) as (keyof typeof base)[]) {
      expect(documentJobId({ ...base, [key]: `${base[key]}!` })).not.toBe(documentJobId(base));
    }
  });
});

describe("CLI usage of the queue commands", () => {
  const ROOT = join(import.meta.dirname, "../..");
  const run = (...args: string[]) =>
    promisify(execFile)(process.execPath, [CLI, ...args], { cwd: ROOT }).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
  it("worker and status need --queue; a bad URL is a usage error", async () => {
    const [worker, status, bad, wait] = await Promise.all([
      run("worker"),
      run("status"),
      run("worker", "--queue", "localhost:6379"),
      run("status", "--queue", "redis://127.0.0.1:1", "--wait"),
    ]);
    expect(worker.code).toBe(2);
    expect(worker.stderr).toContain("Expected `--queue redis://host:port[/db]`");
    expect(status.code).toBe(2);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("redis:// URL");
    expect(wait.code).toBe(2);
    expect(wait.stderr).toContain("Expected `--run <id>` with `--wait`");
  });
});
