import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractDocument } from "../../src/pipeline/extract-document.js";

/**
 * Bad inputs of the formats of issue 15 that are made at test time (too big to commit, or needing links):
 * the committed ones are in tests/fixtures/bad-input (manifest.json, run by corpus.test.ts).
 */
const ROOT = join(import.meta.dirname, "../..");
const PAGE = join(ROOT, "samples/formats/pictures-page-v2019-2019.html");
let dir = "";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "gongkai-formats-bad-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("web pages whose tables are pictures that cannot be had", () => {
  it("a saved page without its _files/ folder: one table.image_missing per picture, no_tables, never not_a_report", async () => {
    const path = join(dir, "alone.html");
    await copyFile(PAGE, path);
    const { output, errorClass } = await extractDocument(path);
    expect(errorClass).toBe("no_tables");
    const missing = output.issues.filter((i) => i.code === "table.image_missing");
    expect(missing).toHaveLength(3);
    expect(missing[0]?.message).toMatch(/img\[1\].*saved page's folder does not hold it/);
  });

  it("a page of only pictures without them is unreadable, not not_a_report", async () => {
    const path = join(dir, "only-pictures.html");
    await writeFile(path, '<html><body><img src="p_files/1.png" width="800" height="1100"></body></html>');
    const { output, errorClass } = await extractDocument(path);
    expect(errorClass).toBe("unreadable");
    expect(output.issues.map((i) => i.code)).toEqual(["unreadable", "table.image_missing"]);
  });

  it("pictures outside the page's folder are not read: ../, an absolute path, a link pointing out", async () => {
    const outside = join(dir, "outside");
    const site = join(dir, "site");
    await mkdir(outside, { recursive: true });
    await mkdir(join(site, "p_files"), { recursive: true });
    const png = await readFile(join(ROOT, "samples/formats/pictures-page-v2019-2019_files/table1.png"));
    await writeFile(join(outside, "t.png"), png);
    await symlink(join(outside, "t.png"), join(site, "p_files/link.png"));
    const html = (await readFile(PAGE, "utf8"))
      .replace(/src="[^"]*table1\.png"/, 'src="../outside/t.png"')
      .replace(/src="[^"]*table2\.png"/, `src="${join(outside, "t.png")}"`)
      .replace(/src="[^"]*table3\.png"/, 'src="p_files/link.png"');
    await writeFile(join(site, "p.html"), html);
    const { output } = await extractDocument(join(site, "p.html"));
    const reasons = output.issues
      .filter((i) => i.code === "table.image_missing")
      .map((i) => i.message.replace(/^.*? could not be read from [^:]*: /, ""));
    expect(reasons).toEqual([
      "it points outside the saved page's folder",
      "an absolute path: pictures are read only from the saved page's own folder",
      "a link pointing outside the saved page's folder",
    ]);
    expect(output.pages).toEqual([]);
  });
});

describe("web archives too big to commit", () => {
  it("a 70 MiB base64 page is too_large, read in bounded time", async () => {
    const html = Buffer.alloc(70 * 1024 * 1024, "<p>年报</p>");
    const base64 = (html.toString("base64").match(/.{1,76}/g) ?? []).join("\r\n");
    const path = join(dir, "huge.mht");
    await writeFile(
      path,
      `MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64}\r\n--b--\r\n`,
    );
    // Bounded in CPU time (this process's threads), which a loaded machine does not stretch as it does wall time.
    const started = process.cpuUsage();
    const { errorClass, output } = await extractDocument(path);
    expect(errorClass).toBe("too_large");
    expect(output.issues[0]?.message).toMatch(/page is \d+ bytes, more than/);
    const { user, system } = process.cpuUsage(started);
    expect((user + system) / 1000).toBeLessThan(60_000);
  });
});
