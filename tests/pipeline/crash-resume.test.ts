import { execFile, spawn } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI } from "../helpers/cli.js";

/**
 * Crash test: a CLI batch killed with SIGKILL mid-way and rerun gives the same outputs, byte for byte, as an
 * uninterrupted batch (the manifest aside: it records times).
 */
const ROOT = join(import.meta.dirname, "../..");
const EXTRACT = [CLI, "extract"];
const SAMPLES = [
  "ruled-clean-2023",
  "three-line-2022",
  "page-split-2023",
  "unruled-2024",
  "county-rules-2024",
  "fee-unit-2022",
  "arith-errors-2023",
  "no-caption-2022",
];

let tmp = "";
let inbox = "";
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "gongkai-crash-"));
  inbox = join(tmp, "in");
  for (const [i, stem] of SAMPLES.entries()) {
    const folder = join(inbox, `agency-${i % 3}`);
    await mkdir(folder, { recursive: true });
    await copyFile(join(ROOT, "samples", `${stem}.pdf`), join(folder, `${stem}.pdf`));
  }
  await copyFile(join(ROOT, "samples", "ruled-clean-2023.pdf"), join(inbox, "copy-of-ruled-clean.pdf"));
  await copyFile(join(ROOT, "tests/fixtures/bad-input/truncated-50.pdf"), join(inbox, "truncated.pdf"));
});
afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

const countLines = async (path: string) =>
  (await readFile(path, "utf8").catch(() => "")).split("\n").filter((l) => l.endsWith("}")).length;

describe("kill -9 mid-batch, then rerun", () => {
  it("ends with the outputs of an uninterrupted run, byte for byte", async () => {
    const whole = join(tmp, "whole");
    await promisify(execFile)(process.execPath, [...EXTRACT, inbox, "--out", whole, "--jobs", "2", "--quiet"], {
      cwd: ROOT,
    });

    const crashed = join(tmp, "crashed");
    const child = spawn(process.execPath, [...EXTRACT, inbox, "--out", crashed, "--jobs", "2", "--quiet"], {
      cwd: ROOT,
      stdio: "ignore",
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on("exit", (_code, signal) => resolve(signal)),
    );
    // Kill once some but not all inputs are done. The 10 min are a liveness bound, not a timing assertion: the 2 min
    // this was could run out at a high load before the third document was done, and the kill then came too early.
    for (
      const start = Date.now();
      Date.now() - start < 600_000 && (await countLines(join(crashed, "manifest.jsonl"))) < 3;
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    const before = await countLines(join(crashed, "manifest.jsonl"));
    expect(before).toBeGreaterThanOrEqual(3);
    expect(before).toBeLessThan(SAMPLES.length + 2);

    const { stdout } = await promisify(execFile)(
      process.execPath,
      [...EXTRACT, inbox, "--out", crashed, "--jobs", "2"],
      {
        cwd: ROOT,
      },
    );
    expect(stdout).toMatch(new RegExp(`${SAMPLES.length + 2} input\\(s\\): \\d+ done`));
    const files = (await listFiles(whole)).filter((f) => f !== "manifest.jsonl");
    expect(files).toContain("cross-report.json");
    expect((await listFiles(crashed)).filter((f) => f !== "manifest.jsonl")).toEqual(files);
    for (const file of files) {
      expect(await readFile(join(crashed, file), "utf8"), file).toBe(await readFile(join(whole, file), "utf8"));
    }
  });
});
