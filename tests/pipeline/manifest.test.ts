import { mkdtemp, readdir, readFile, readlink, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ManifestLine, ManifestWriter, readManifest } from "../../src/pipeline/batch/manifest.js";

const line = (out: string, status: ManifestLine["status"]): ManifestLine => ({
  file: `/in/${out.replace(".json", ".pdf")}`,
  out,
  sha256: "a".repeat(64),
  status,
  error_class: status === "failure" ? "corrupt" : null,
  seconds: 0.5,
  pages: 3,
  pipeline_version: "0.1.0+abcdefabcdef",
  duplicate_of: null,
});

let tmp = "";
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "gongkai-manifest-"));
});
afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe("manifest", () => {
  it("reads the last line per output, skips lines it cannot parse, and cuts a torn tail", async () => {
    const path = join(tmp, "manifest.jsonl");
    const text = [
      JSON.stringify(line("a.json", "failure")),
      "not json",
      JSON.stringify({ file: "old format", sha256: "x", status: "success", error_class: null, seconds: 1 }),
      JSON.stringify(line("a.json", "success")),
      JSON.stringify(line("b.json", "partial_success")),
    ].join("\n");
    await writeFile(path, `${text}\n{"file":"/in/c.pdf","out":"c.js`);
    const lines = await readManifest(path);
    expect([...lines.keys()].sort()).toEqual(["a.json", "b.json"]);
    expect(lines.get("a.json")?.status).toBe("success");
    expect(await readFile(path, "utf8")).toBe(`${text}\n`);
    const writer = new ManifestWriter(path);
    await writer.append(line("c.json", "success"));
    await writer.close();
    expect((await readManifest(path)).get("c.json")?.status).toBe("success");
  });

  it("appends that arrive together share one file handle, closed by close()", async () => {
    const path = join(tmp, "together.jsonl");
    // The process's open descriptors on this file (Linux: /proc/self/fd), whatever else the process has open.
    const handlesOn = async (file: string) => {
      let n = 0;
      for (const fd of await readdir("/proc/self/fd"))
        n += (await readlink(`/proc/self/fd/${fd}`).catch(() => "")) === file ? 1 : 0;
      return n;
    };
    const writer = new ManifestWriter(path);
    await Promise.all(Array.from({ length: 8 }, (_, i) => writer.append(line(`t${i}.json`, "success"))));
    expect(await handlesOn(path)).toBe(1);
    await writer.close();
    expect(await handlesOn(path)).toBe(0);
    expect((await readManifest(path)).size).toBe(8);
  });

  it("reads a missing manifest as empty", async () => {
    expect((await readManifest(join(tmp, "none.jsonl"))).size).toBe(0);
  });
});
