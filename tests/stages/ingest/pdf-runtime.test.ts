import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tsxExecArgv } from "../../../src/pipeline/batch/worker-pool.js";

const ROOT = join(import.meta.dirname, "../../..");
const PROBE = join(ROOT, "tests/helpers/pdf-runtime-probe.ts");

interface Probe {
  readonly text: number;
  readonly ops: number;
  readonly canvasAfterReading: boolean;
  readonly decompressionStream: string;
  readonly pixels: string;
}

/** A fresh process (this one shares its globals with other test files): see tests/helpers/pdf-runtime-probe.ts. */
function probe(mode: "tuned" | "plain", pdf: string): Probe {
  const out = execFileSync(process.execPath, [...tsxExecArgv(), PROBE, mode, join(ROOT, pdf)], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return JSON.parse(out) as Probe;
}

describe("tunePdfRuntime (a document process's pdf.js)", () => {
  // Type 1 fonts (LibreOffice) and Type 3 fonts (Chromium): the two ways the samples embed their text.
  it.each(["samples/ruled-clean-2023.pdf", "samples/chromium-ruled-2023.pdf"])(
    "reads %s without loading the canvas and draws it as an untuned process does",
    (pdf) => {
      const tuned = probe("tuned", pdf);
      const plain = probe("plain", pdf);
      expect(tuned.canvasAfterReading).toBe(false);
      expect(tuned.decompressionStream).toBe("undefined");
      expect(plain.canvasAfterReading).toBe(true);
      expect(plain.decompressionStream).toBe("function");
      expect(tuned.text).toBeGreaterThan(0);
      expect({ text: tuned.text, ops: tuned.ops, pixels: tuned.pixels }).toEqual({
        text: plain.text,
        ops: plain.ops,
        pixels: plain.pixels,
      });
    },
  );
});
