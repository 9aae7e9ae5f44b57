import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
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

  it("reads a missing manifest as empty", async () => {
    expect((await readManifest(join(tmp, "none.jsonl"))).size).toBe(0);
  });
});
