import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tsxExecArgv } from "../../../src/pipeline/batch/worker-pool.js";
import { EXTRACTED, ROOT, SAMPLES } from "../export/extracted-fixture.js";

// The review build renders in a process of its own (render-process.ts): the build process keeps the index rows
// and writes the pages, and a source the renderer cannot draw costs that source its images only.
const PROBE = join(ROOT, "tests/helpers/loaded-packages.ts");
const BROKEN = "broken-2023.pdf";

let dir: string;
let result: { packages: string[]; status: string };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "gongkai-review-process-"));
  const inputs = join(dir, "inputs");
  const extracted = join(dir, "extracted");
  await mkdir(inputs);
  await mkdir(extracted);
  for (const stem of ["ruled-clean-2023", "vertical-merged-2022"]) {
    await copyFile(join(SAMPLES, `${stem}.pdf`), join(inputs, `${stem}.pdf`));
    await copyFile(join(EXTRACTED, `${stem}.json`), join(extracted, `${stem}.json`));
  }
  // A PDF header over nothing: found (same sha256 as its output says) but not renderable.
  const broken = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF\n");
  await writeFile(join(inputs, BROKEN), broken);
  const output = JSON.parse(await readFile(join(EXTRACTED, "ruled-clean-2023.json"), "utf8"));
  output.source = { ...output.source, file: BROKEN, sha256: createHash("sha256").update(broken).digest("hex") };
  await writeFile(join(extracted, "broken-2023.json"), JSON.stringify(output));
  const out = execFileSync(process.execPath, [...tsxExecArgv(), PROBE, "review", extracted, inputs], {
    cwd: ROOT,
    encoding: "utf8",
  });
  result = JSON.parse(out);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the review build and its render process", () => {
  it("renders every page of the good sources and loads no canvas in the build process", async () => {
    const site = JSON.parse(result.status) as { reports: number; images: number; withoutImages: number };
    expect(site.reports).toBe(3);
    expect(site.withoutImages).toBe(1);
    const pages = await readdir(join(dir, "extracted", "review", "pages"));
    expect(pages).toHaveLength(2);
    expect(site.images).toBeGreaterThanOrEqual(4);
    expect(result.packages).not.toContain("@napi-rs/canvas");
  });

  it("says on the page of a source the renderer could not draw why it has no images", async () => {
    const html = await readFile(join(dir, "extracted", "review", "reports", "broken-2023.html"), "utf8");
    expect(html).toContain('id="no-images"');
    expect(html).toContain(`${BROKEN} could not be rendered`);
    const good = await readFile(join(dir, "extracted", "review", "reports", "ruled-clean-2023.html"), "utf8");
    expect(good).not.toContain('id="no-images"');
  });
});
