import { copyFile, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GongkaiError } from "../../../src/errors.js";
import { BUILD_NODE_FLAGS, runReviewBuild } from "../../../src/outputs/review/build-process.js";
import { EXTRACTED, SAMPLES } from "../export/extracted-fixture.js";

// `gongkai review` builds the site in a process of its own, started with V8 heap flags (build-process.ts).
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "gongkai-build-process-"));
  await copyFile(join(EXTRACTED, "arith-errors-2023.json"), join(dir, "arith-errors-2023.json"));
  await copyFile(join(SAMPLES, "arith-errors-2023.pdf"), join(dir, "arith-errors-2023.pdf"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("runReviewBuild", () => {
  it("builds the site in a child process started with the build's V8 flags", async () => {
    const building = runReviewBuild({ dir, options: { inputs: dir }, progress: false });
    const commands = await childCommands("build-entry");
    const site = await building;
    expect(commands.length).toBeGreaterThan(0);
    for (const flag of BUILD_NODE_FLAGS) expect(commands[0]).toContain(flag);
    expect(site).toMatchObject({ reports: 1, images: 4, rendered: 4, withoutImages: 0 });
    expect(await readdir(join(dir, "review", "reports"))).toEqual(["arith-errors-2023.html"]);
    expect(await readFile(join(dir, "review", "index.html"), "utf8")).toContain("arith-errors-2023");
  });

  it("throws the build's errors as the CLI reports them", async () => {
    const failing = runReviewBuild({ dir, options: { corrections: join(dir, "missing.jsonl") }, progress: false });
    await expect(failing).rejects.toBeInstanceOf(GongkaiError);
    await expect(failing).rejects.toThrow(/Expected a corrections\.jsonl file/);
  });
});

/** The command lines of this process's children whose entry contains `entry` (from /proc), waiting for one. */
async function childCommands(entry: string): Promise<string[][]> {
  const found: string[][] = [];
  for (let attempt = 0; attempt < 200 && found.length === 0; attempt++) {
    for (const name of await readdir("/proc")) {
      if (!/^\d+$/.test(name)) continue;
      const stat = await readFile(`/proc/${name}/stat`, "utf8").catch(() => "");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) !== process.pid) continue;
      const command = (await readFile(`/proc/${name}/cmdline`, "utf8").catch(() => "")).split("\0");
      if (command.some((arg) => arg.includes(entry))) found.push(command);
    }
    if (found.length === 0) await new Promise((done) => setTimeout(done, 10));
  }
  return found;
}
