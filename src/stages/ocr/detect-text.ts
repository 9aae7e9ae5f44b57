import { findComponents } from "./components.js";
import { ort, type PaddleModels } from "./paddle-models.js";
import type { GrayImage, PixelBox } from "./raster.js";
import { shrinkTo } from "./resample.js";

/** A text region found by the detector: its box in the pixels of the image passed in, and its score 0–1. */
export interface TextRegion {
  readonly box: PixelBox;
  readonly score: number;
}

export interface DetectOptions {
  /**
   * Pixels per point of the image: the detector runs at `DETECT_SCALE` px/pt (about 110 dpi), where the 10–12 pt
   * text of a report is 15–18 px high — ample for DB (PaddleOCR's own default reads an A4 page at about 80 dpi)
   * — at a seventh of the cost of a 300 dpi pass. Its boxes are that coarse: lines are cut for the recogniser at
   * their ink (see `ocrPage`).
   */
  readonly scale: number;
}

/** The resolution the detector sees (pixels per point; 1.5 ≈ 110 dpi; 2.1 cost half as much again). */
export const DETECT_SCALE = 1.5;
/** DB post-processing (PaddleOCR's defaults): pixel threshold, mean-score threshold, unclip ratio. */
const PIXEL_THRESHOLD = 0.3;
const BOX_THRESHOLD = 0.5;
const UNCLIP_RATIO = 1.6;
/** ImageNet normalisation the detector was trained with. */
const MEAN = [0.485, 0.456, 0.406] as const;
const STD = [0.229, 0.224, 0.225] as const;

/**
 * Text regions of a page image (PP-OCRv4 DB detector). The image should be upright and straightened: boxes are
 * axis-aligned. Regions are returned top to bottom, left to right.
 */
export async function detectText(
  models: PaddleModels,
  image: GrayImage,
  options: DetectOptions,
): Promise<TextRegion[]> {
  const factor = Math.min(1, DETECT_SCALE / options.scale);
  // Dimensions a multiple of 32 (the network's stride), the image scaled by `factor` and padded white.
  const w = Math.max(32, Math.ceil((image.width * factor) / 32) * 32);
  const h = Math.max(32, Math.ceil((image.height * factor) / 32) * 32);
  const sw = Math.max(1, Math.round(image.width * factor));
  const sh = Math.max(1, Math.round(image.height * factor));
  const plane = w * h;
  const input = new Float32Array(3 * plane);
  const white = [0, 1, 2].map((c) => (1 - (MEAN[c] as number)) / (STD[c] as number));
  for (let c = 0; c < 3; c++) input.fill(white[c] as number, c * plane, (c + 1) * plane);
  const lut = [0, 1, 2].map((c) => {
    const table = new Float32Array(256);
    for (let v = 0; v < 256; v++) table[v] = (v / 255 - (MEAN[c] as number)) / (STD[c] as number);
    return table;
  });
  const sampled = shrinkTo(image, sw, sh).data;
  for (let y = 0; y < sh; y++) {
    for (let x = 0; x < sw; x++) {
      const v = sampled[y * sw + x] as number;
      const i = y * w + x;
      input[i] = (lut[0] as Float32Array)[v] as number;
      input[plane + i] = (lut[1] as Float32Array)[v] as number;
      input[2 * plane + i] = (lut[2] as Float32Array)[v] as number;
    }
  }
  const feeds = { [models.detector.inputNames[0] as string]: new ort.Tensor("float32", input, [1, 3, h, w]) };
  const result = await models.detector.run(feeds);
  const output = result[models.detector.outputNames[0] as string] as ort.Tensor;
  const prob = output.data as Float32Array;
  output.dispose();
  const regions = regionsOf(prob, w, h, sw, sh).map(
    (r): TextRegion => ({
      box: [
        Math.max(0, Math.floor(r.box[0] / factor)),
        Math.max(0, Math.floor(r.box[1] / factor)),
        Math.min(image.width - 1, Math.ceil(r.box[2] / factor)),
        Math.min(image.height - 1, Math.ceil(r.box[3] / factor)),
      ],
      score: r.score,
    }),
  );
  return joinStacked(regions).sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
}

/**
 * Regions the detector made of one glyph cut across (a lone "1" whose stem and foot came out as two boxes, one
 * over the other): two narrow regions that overlap, one above the other, no taller together than a line, are one.
 * Read apart, the top reads as a short "1" and the foot as a dash — a printed blank, and a sure one.
 */
export function joinStacked(regions: readonly TextRegion[]): TextRegion[] {
  const heights = regions.map((r) => r.box[3] - r.box[1] + 1).sort((a, b) => a - b);
  const line = heights[Math.floor(heights.length / 2)] ?? 0;
  const out = [...regions];
  const narrow = (b: PixelBox) => b[2] - b[0] + 1 <= 2 * line;
  for (let i = 0; i < out.length; i++) {
    for (let j = i + 1; j < out.length; j++) {
      const a = (out[i] as TextRegion).box;
      const b = (out[j] as TextRegion).box;
      if (!narrow(a) || !narrow(b)) continue;
      const overlapX = Math.min(a[2], b[2]) - Math.max(a[0], b[0]) + 1;
      const overlapY = Math.min(a[3], b[3]) - Math.max(a[1], b[1]) + 1;
      const union: PixelBox = [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
      const stacked = overlapY > 0 && overlapY < Math.min(a[3] - a[1], b[3] - b[1]) + 1;
      if (!stacked || overlapX < 0.5 * Math.min(a[2] - a[0] + 1, b[2] - b[0] + 1)) continue;
      if (union[3] - union[1] + 1 > 1.2 * line) continue;
      out[i] = { box: union, score: Math.max((out[i] as TextRegion).score, (out[j] as TextRegion).score) };
      out.splice(j, 1);
      j = i;
    }
  }
  return out;
}

/**
 * DB post-processing: the probability map thresholded, its 8-connected components boxed, kept when their mean
 * probability reaches `BOX_THRESHOLD`, and grown by the unclip distance (the network predicts a shrunk core).
 */
function regionsOf(prob: Float32Array, w: number, h: number, sw: number, sh: number): TextRegion[] {
  const out: TextRegion[] = [];
  const components = findComponents(
    w,
    h,
    (i) => (prob[i] as number) > PIXEL_THRESHOLD,
    (i) => prob[i] as number,
  );
  for (const { box, area: count, weight: sum } of components) {
    const [x0, y0, x1, y1] = box;
    const bw = x1 - x0 + 1;
    const bh = y1 - y0 + 1;
    if (Math.min(bw, bh) < 2 || count < 4) continue;
    const score = sum / count;
    if (score < BOX_THRESHOLD) continue;
    const distance = (bw * bh * UNCLIP_RATIO) / (2 * (bw + bh));
    out.push({
      box: [
        Math.max(0, x0 - distance),
        Math.max(0, y0 - distance),
        Math.min(sw - 1, x1 + 1 + distance),
        Math.min(sh - 1, y1 + 1 + distance),
      ],
      score,
    });
  }
  return out;
}
