import type { TextRegion } from "./detect-text.js";
import { ort, type PaddleModels } from "./paddle-models.js";
import { crop, type GrayImage } from "./raster.js";

/** The direction classifier's input: 48 × 192, text scaled to the height and padded on the right. */
const CLS_HEIGHT = 48;
const CLS_WIDTH = 192;
/** Regions sampled to vote (the widest: lines of text, not lone digits). */
const SAMPLE = 16;

/**
 * Whether the page's text is upside down: PP-OCR's direction classifier (0° / 180°) run on its widest text
 * regions, the mean probability of 180° over them above one half.
 */
export async function isUpsideDown(
  models: PaddleModels,
  image: GrayImage,
  regions: readonly TextRegion[],
): Promise<boolean> {
  const lines = [...regions]
    .filter((r) => r.box[2] - r.box[0] > 2 * (r.box[3] - r.box[1]))
    .sort((a, b) => b.box[2] - b.box[0] - (a.box[2] - a.box[0]))
    .slice(0, SAMPLE);
  if (lines.length === 0) return false;
  const plane = CLS_HEIGHT * CLS_WIDTH;
  const input = new Float32Array(lines.length * 3 * plane);
  lines.forEach((region, n) => {
    const [x0, y0, x1, y1] = region.box;
    const piece = crop(image, x0, y0, x1 + 1, y1 + 1);
    const w = Math.min(CLS_WIDTH, Math.max(1, Math.round((piece.width * CLS_HEIGHT) / piece.height)));
    for (let y = 0; y < CLS_HEIGHT; y++) {
      const sy = Math.min(piece.height - 1, Math.floor(((y + 0.5) * piece.height) / CLS_HEIGHT));
      for (let x = 0; x < w; x++) {
        const sx = Math.min(piece.width - 1, Math.floor(((x + 0.5) * piece.width) / w));
        const v = (piece.data[sy * piece.width + sx] as number) / 127.5 - 1;
        const i = n * 3 * plane + y * CLS_WIDTH + x;
        input[i] = v;
        input[i + plane] = v;
        input[i + 2 * plane] = v;
      }
    }
  });
  const feeds = {
    [models.classifier.inputNames[0] as string]: new ort.Tensor("float32", input, [
      lines.length,
      3,
      CLS_HEIGHT,
      CLS_WIDTH,
    ]),
  };
  const out = (await models.classifier.run(feeds))[models.classifier.outputNames[0] as string] as ort.Tensor;
  const probs = out.data as Float32Array;
  let flipped = 0;
  for (let n = 0; n < lines.length; n++) flipped += probs[n * 2 + 1] as number;
  out.dispose();
  return flipped / lines.length > 0.5;
}
