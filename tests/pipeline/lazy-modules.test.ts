import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tsxExecArgv } from "../../src/pipeline/batch/worker-pool.js";
import { extractOnceCounted } from "../helpers/extract-once.js";

const ROOT = join(import.meta.dirname, "../..");
const PROBE = join(ROOT, "tests/helpers/loaded-packages.ts");
const BORN_DIGITAL = join(ROOT, "samples/ruled-clean-2023.pdf");
const SCAN = join(ROOT, "samples/scanned/scan-county-rules-png.png");

/** The CommonJS packages a fresh process loaded doing `args` (see tests/helpers/loaded-packages.ts). */
function probe(...args: string[]): { packages: string[]; status: string | null } {
  // A process of its own: this test process shares loaded modules with the other test files (isolate: false).
  const out = execFileSync(process.execPath, [...tsxExecArgv(), PROBE, ...args], { cwd: ROOT, encoding: "utf8" });
  return JSON.parse(out) as { packages: string[]; status: string | null };
}

describe("what a process loads", () => {
  it("a document process reading a born-digital PDF loads neither pdf.js's canvas, the OCR runtime nor cfb", () => {
    const { packages, status } = probe("document", BORN_DIGITAL);
    expect(status).toBe("success");
    expect(packages).not.toContain("@napi-rs/canvas");
    expect(packages).not.toContain("onnxruntime-node");
    expect(packages).not.toContain("cfb");
  });

  it("the batch process loads neither pdf.js's canvas, the OCR runtime nor cfb", () => {
    const { packages } = probe("batch");
    expect(packages).not.toContain("@napi-rs/canvas");
    expect(packages).not.toContain("onnxruntime-node");
    expect(packages).not.toContain("cfb");
  });
});

// Shared with the golden tests reading these samples (extractOnce gives the engine as a function, as a document
// process does): the scan is OCR'd once per run, not again here.
describe("an OCR engine given as a function (as a document process gives it)", () => {
  it("is not asked for by a born-digital PDF", async () => {
    const { result, ocrAsked } = await extractOnceCounted(BORN_DIGITAL);
    expect(result.output.status).toBe("success");
    expect(ocrAsked).toBe(0);
  });

  it("is asked for by a scan, which it reads", async () => {
    const { result, ocrAsked } = await extractOnceCounted(SCAN);
    expect(ocrAsked).toBe(1);
    expect(result.output.pages.map((p) => p.method)).toEqual(["ocr"]);
    expect(result.output.status).not.toBe("failure");
  });
});
