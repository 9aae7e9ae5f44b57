import { afterAll, describe, expect, it } from "vitest";
import type { TextItem } from "../../../src/model/page-content.js";
import { OcrEngine } from "../../../src/stages/ocr/index.js";
import { rereadWords } from "../../../src/stages/ocr/reread-words.js";

/** A page 120 × 60 px with a 7 drawn 28 px tall (bar and stem 3 px thick), at 2 px/pt. */
function seven(): { width: number; height: number; data: Uint8Array } {
  const width = 120;
  const height = 60;
  const data = new Uint8Array(width * height).fill(255);
  for (let y = 16; y <= 18; y++) for (let x = 50; x <= 67; x++) data[y * width + x] = 0;
  for (let y = 19; y <= 43; y++) {
    const x = Math.round(66 - ((y - 19) * 12) / 24);
    for (let dx = -1; dx <= 1; dx++) data[y * width + x + dx] = 0;
  }
  return { width, height, data };
}

const engine = new OcrEngine();
afterAll(() => engine.terminate());

/** The 7's item as the page read gave it. */
const seven7 = (confidence: number, ceiling?: number): TextItem => ({
  text: "7",
  box: [24, 7, 35, 23],
  fontSize: 14,
  fontName: "ocr",
  source: "ocr",
  confidence,
  ...(ceiling === undefined ? {} : { ceiling }),
});

describe("reading a doubtful number again", () => {
  it("lifts a number read unsurely when its second reading agrees surely", async () => {
    const [again] = await rereadWords(await engine.paddle(), seven(), [seven7(0.7)], 2, 28);
    expect(again?.text).toBe("7");
    expect(again?.confidence).toBeGreaterThanOrEqual(0.9);
  });
  it("never lifts a reading that other evidence disputes above its ceiling (a slash by shape read as a 7)", async () => {
    const [again] = await rereadWords(await engine.paddle(), seven(), [seven7(0.6, 0.6)], 2, 28);
    expect(again?.text).toBe("7");
    expect(again?.confidence).toBe(0.6);
  });
});
