import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { passPicture, passTiffPages, pictureFrame } from "../../../src/outputs/review/pass-images.js";
import { renderImagePages } from "../../../src/outputs/review/render-images.js";
import type { PageImage } from "../../../src/outputs/review/render-pages.js";
import { imageFileFrame } from "../../../src/stages/ocr/index.js";

// A gray picture or TIFF page is written as a browser shows it, with no canvas: it must look as the drawn image
// (render-images.ts) looks, in the same frame, so the cells' boxes land where OCR read them.
const ROOT = join(import.meta.dirname, "../../..");
const PNG = join(ROOT, "samples/scanned/scan-county-rules-png.png");
const TIFF = join(ROOT, "samples/scanned/scan-no-caption-tiff.tif");
const SCALE = 1.5;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "gongkai-pass-images-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("pictureFrame", () => {
  it.each([
    [1241, 7016],
    [2480, 3508],
    [1700, 1200],
  ])("is the OCR stage's frame for %i × %i", (width, height) => {
    const frame = imageFileFrame(width, height);
    expect(pictureFrame(width, height)).toEqual({ width: frame.width, height: frame.height });
  });
});

describe("passing pictures through", () => {
  it("writes a gray-palette PNG as it is, in its OCR frame, looking as the drawn page does", async () => {
    const bytes = new Uint8Array(await readFile(PNG));
    const passed = await passPicture(bytes, join(dir, "png"), 1);
    expect(passed).toEqual({ page: 1, width: 595.28, height: 3365.42, image: "p1.png" });
    expect(new Uint8Array(await readFile(join(dir, "png", "p1.png")))).toEqual(bytes);
    const [drawn] = await renderImagePages(bytes, "png", join(dir, "png-drawn"), SCALE);
    expect(drawn).toMatchObject({ width: passed?.width, height: passed?.height });
    expect(await meanDifference(join(dir, "png", "p1.png"), join(dir, "png-drawn", "p1.png"))).toBeLessThan(6);
  });

  it("writes a bilevel TIFF's pages as 1-bit PNGs of their own pixels, looking as the drawn pages do", async () => {
    const bytes = new Uint8Array(await readFile(TIFF));
    const passed = (await passTiffPages(bytes, join(dir, "tiff"))) as PageImage[];
    const drawn = await renderImagePages(bytes, "tiff", join(dir, "tiff-drawn"), SCALE);
    expect(passed.map(({ page, width, height }) => ({ page, width, height }))).toEqual(
      drawn.map(({ page, width, height }) => ({ page, width, height })),
    );
    for (const page of passed) {
      const png = await readFile(join(dir, "tiff", page.image));
      // IHDR: 1 bit a pixel, gray.
      expect([png[24], png[25]]).toEqual([1, 0]);
      expect(await meanDifference(join(dir, "tiff", page.image), join(dir, "tiff-drawn", page.image))).toBeLessThan(6);
    }
  });

  it("leaves a colour picture to be drawn (its gray conversion fades red seals)", async () => {
    const canvas = createCanvas(40, 60);
    const context = canvas.getContext("2d");
    context.fillStyle = "#fff";
    context.fillRect(0, 0, 40, 60);
    context.fillStyle = "#d00";
    context.fillRect(10, 10, 20, 20);
    expect(await passPicture(new Uint8Array(await canvas.encode("png")), join(dir, "colour"), 1)).toBeNull();
    expect(await passPicture(new Uint8Array(await canvas.encode("jpeg")), join(dir, "colour"), 1)).toBeNull();
  });
});

/** Mean gray difference between a passed picture scaled to the drawn image's size (as a browser shows it) and that image. */
async function meanDifference(passed: string, drawn: string): Promise<number> {
  const target = await loadImage(drawn);
  const source = await loadImage(passed);
  const canvas = createCanvas(target.width, target.height);
  const context = canvas.getContext("2d");
  context.imageSmoothingQuality = "high";
  context.drawImage(source, 0, 0, target.width, target.height);
  const shown = context.getImageData(0, 0, target.width, target.height).data;
  const reference = createCanvas(target.width, target.height);
  reference.getContext("2d").drawImage(target, 0, 0);
  const expected = reference.getContext("2d").getImageData(0, 0, target.width, target.height).data;
  let sum = 0;
  for (let i = 0; i < shown.length; i += 4) sum += Math.abs((shown[i] as number) - (expected[i] as number));
  return sum / (shown.length / 4);
}
