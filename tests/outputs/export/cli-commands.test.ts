import { execFile } from "node:child_process";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI } from "../../helpers/cli.js";
import { makeExtractedCopy, ROOT } from "./extracted-fixture.js";

const run = promisify(execFile);

async function cli(args: readonly string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

let dir: string;
beforeAll(async () => {
  dir = await makeExtractedCopy(["ruled-clean-2023"]);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("gongkai export / review on the command line", () => {
  it("export writes the datasets and lists them, with the corrections that did not apply", async () => {
    await writeFile(
      join(dir, "corrections.jsonl"),
      `${JSON.stringify({ file: "ruled-clean-2023.json", path: "s3.granted.total", old: -5, new: 3, who: "a", why: "b", when: "2026-11-20" })}\n`,
    );
    const result = await cli(["export", dir, "--out", join(dir, "export")]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^gongkai: corrections line 1 not applied \(old_mismatch\): s3\.granted\.total old -5 ≠ printed \d+\n$/,
    );
    expect(result.stdout).toMatch(/^cells\.csv {2}\d+ bytes$/m);
    expect(result.stdout).toMatch(/^cells\.parquet {2}\d+ bytes$/m);
    expect(result.stdout).toContain("2 report(s), 414 cell row(s)");
    expect(result.stdout).toContain("1 cross-report flag(s)");
    expect(result.stdout).toContain("corrections: 1 old_mismatch");
    expect((await readdir(join(dir, "export"))).sort()).toEqual([
      "DATA_DICTIONARY.md",
      "cells.csv",
      "cells.parquet",
      "corrections.csv",
      "flags.csv",
      "flags.parquet",
      "reports.csv",
      "reports.parquet",
    ]);
  });

  it("review builds the site and says which sources it could not find", async () => {
    const bare = await cli(["review", dir]);
    expect(bare.stdout).toContain("2 report(s) without page images (their pages say why)");
    const result = await cli(["review", dir, "--inputs", join(ROOT, "samples")]);
    // stderr: progress only.
    expect(result.stderr).toMatch(/^review: 2 report\(s\), 2 source\(s\) in [\d.]+ s\n$/);
    expect(result.stdout).toContain(join(dir, "review", "index.html"));
    expect(result.stdout).toMatch(/2 report page\(s\), (\d+) page image\(s\) \(\1 rendered now\)\n$/);
  });

  it.each([
    ["export without --out", ["export", "@"], /Expected `--out <dir>`/],
    ["export of two folders", ["export", "@", "@", "--out", "@/x"], /Expected one extract output folder/],
    ["review without a folder", ["review"], /Expected one extract output folder/],
    ["review with an unknown flag", ["review", "@", "--frobnicate"], /--frobnicate/],
    [
      "review with a bad --scale",
      ["review", "@", "--scale", "12"],
      /Expected `--scale` to be a number 0\.5–4, got `12`/,
    ],
  ])("%s: exit code 2 and the usage", async (_name, args, message) => {
    const result = await cli(args.map((a) => a.replace(/^@/, dir)));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain(`Usage: gongkai ${args[0]} <extracted dir>`);
    // The synopsis and where the options are, not the whole help under the message.
    expect(result.stderr).toContain(`Run \`gongkai ${args[0]} --help\` for the options.`);
    expect(result.stderr).not.toContain("Options:");
  });

  it("export of a folder that does not exist: exit code 2 and a message", async () => {
    const result = await cli(["export", join(dir, "nope"), "--out", join(dir, "x")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^gongkai: Expected an extract output folder, but `.*nope` does not exist/);
  });

  it.each(["export", "check", "review"])(
    "%s of a folder that is not an extract output refuses and writes nothing into it",
    async (command) => {
      const plain = join(dir, "not-an-output");
      await mkdir(plain, { recursive: true });
      await writeFile(join(plain, "notes.json"), '{"a": 1}\n');
      const result = await cli([command, plain, ...(command === "export" ? ["--out", join(plain, "x")] : [])]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/is not an output of `gongkai extract`/);
      expect((await readdir(plain)).sort()).toEqual(["notes.json"]);
    },
  );

  it("export -o an existing file: exit code 2 and a message, no stack trace", async () => {
    const file = join(dir, "a-file.txt");
    await writeFile(file, "x\n");
    const result = await cli(["export", dir, "-o", file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^gongkai: Expected `--out` to be a folder, but `.*a-file\.txt` is a file/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it.each(["extract", "export", "review", "check", "worker", "status"])(
    "%s --help prints that command's usage and exits 0",
    async (command) => {
      const result = await cli([command, "--help"]);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Usage: gongkai ${command} `));
      expect(result.stderr).toBe("");
    },
  );
});
