import { execFile, spawn } from "node:child_process";
import { copyFile, mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI } from "../helpers/cli.js";

/** `gongkai extract` as a user and a script meet it: exit codes, messages, --json, --strict, reruns, Ctrl-C. */
const ROOT = join(import.meta.dirname, "../..");
const SAMPLE = join(ROOT, "samples/html-nested-2023.html");
const NOT_A_PDF = join(ROOT, "tests/fixtures/bad-input/not-a-pdf.pdf");
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

let tmp = "";
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "gongkai-cli-"));
});
afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe("gongkai --version and help", () => {
  it("--version prints the pipeline version the manifest records", async () => {
    const result = await cli(["--version"]);
    expect(result.code).toBe(0);
    // The bin hashes its own code (the compiled .js files), so it is asked through the bin's module.
    const built = pathToFileURL(join(dirname(CLI), "pipeline/batch/pipeline-version.js")).href;
    const { computePipelineVersion } = (await import(
      built
    )) as typeof import("../../src/pipeline/batch/pipeline-version.js");
    const version = await computePipelineVersion();
    expect(result.stdout).toMatch(
      new RegExp(`^gongkai \\d+\\.\\d+\\.\\d+ \\(pipeline ${version.replace("+", "\\+")}, node v22\\.`),
    );
  });

  it("help lists the commands and the input kinds; an unknown command is a usage error", async () => {
    const help = await cli(["--help"]);
    expect(help.code).toBe(0);
    for (const word of ["extract", "export", "review", "check", "PNG", "JPEG", "TIFF", ".docx", "OFD"]) {
      expect(help.stdout).toContain(word);
    }
    const unknown = await cli(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^gongkai: Unknown command `frobnicate`/);
  });

  it("extract --help documents every option the command takes", async () => {
    const { stdout } = await cli(["extract", "--help"]);
    for (const option of [
      "--out",
      "--jobs",
      "--timeout",
      "--max-pages",
      "--max-memory",
      "--retry-failed",
      "--strict",
      "--json",
      "--verbose",
      "--queue",
      "--quiet",
    ]) {
      expect(stdout).toContain(option);
    }
  });
});

describe("gongkai extract", () => {
  it("an empty folder or one with no readable kind of file is a usage error with a message", async () => {
    const empty = join(tmp, "empty");
    await mkdir(empty);
    const none = await cli(["extract", empty, "--out", join(tmp, "o1")]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^gongkai: No inputs found in `.*empty`: gongkai reads PDF, OFD, PNG, JPEG, TIFF/);
    await writeFile(join(empty, "notes.txt"), "not a report\n");
    expect((await cli(["extract", empty, "--out", join(tmp, "o1")])).code).toBe(2);
    expect(await stat(join(tmp, "o1")).catch(() => null)).toBe(null);
  });

  it("-o <an existing file> is a usage message, not a stack trace", async () => {
    const file = join(tmp, "a-file");
    await writeFile(file, "x\n");
    const result = await cli(["extract", SAMPLE, "-o", file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^gongkai: Expected `--out` to be a folder, but `.*a-file` is a file/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("--json prints the run summary; a rerun with nothing to do prints the folder's summary", async () => {
    const out = join(tmp, "json");
    const first = await cli(["extract", SAMPLE, "--out", out, "--json", "--jobs", "1"]);
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout);
    expect(summary).toMatchObject({ inputs: 1, done: 1, skipped: 0, byStatus: { success: 1 }, nothingToDo: false });
    expect(summary.flagsByRule["cell.blank"]).toBeGreaterThan(0);
    const again = JSON.parse((await cli(["extract", SAMPLE, "--out", out, "--json"])).stdout);
    expect(again).toMatchObject({ inputs: 1, skipped: 1, byStatus: { success: 1 }, nothingToDo: true });
    expect(again.flagsByRule).toEqual(summary.flagsByRule);
    const text = await cli(["extract", SAMPLE, "--out", out]);
    expect(text.stdout).toMatch(/^1 input\(s\), all done before .*nothing to extract/);
    expect(text.stdout).toContain("status: success 1");
    expect(text.stdout).not.toContain("status: none");
    // It ends by saying where the outputs are and what to run next.
    expect(text.stdout).toContain(`outputs: ${out}/`);
    expect(text.stdout).toMatch(new RegExp(`review ${out.replaceAll("/", "\\/")} `));
  });

  it("--strict exits 1 when a document failed; without it the run still succeeds", async () => {
    const inbox = join(tmp, "strict-in");
    await mkdir(inbox);
    await copyFile(SAMPLE, join(inbox, "good.html"));
    await copyFile(NOT_A_PDF, join(inbox, "bad.pdf"));
    const plain = await cli(["extract", inbox, "--out", join(tmp, "strict-a"), "-q"]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toBe("");
    const strict = await cli(["extract", inbox, "--out", join(tmp, "strict-b"), "--strict", "-v"]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain("gongkai: 1 document(s) failed (--strict)");
    // --verbose: one line per document.
    expect(strict.stderr).toMatch(/^failure +.*bad\.pdf → .*bad\.json \(unsupported: /m);
    expect(strict.stderr).toMatch(/^success +.*good\.html → .*good\.json \(v2021, /m);
  });

  it("Ctrl-C says how to resume and exits 130", async () => {
    const out = join(tmp, "interrupted");
    const child = spawn(process.execPath, [CLI, "extract", join(ROOT, "samples/scanned"), "--out", out], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    // The batch has started once its output folder exists; the handler is in place before that.
    while ((await stat(out).catch(() => null)) === null) await new Promise((resolve) => setTimeout(resolve, 50));
    child.kill("SIGINT");
    expect(await exited).toBe(130);
    expect(stderr).toContain("gongkai: interrupted: rerun the same command to resume");
  });
});
