import { findComponents } from "./components.js";
import type { BinaryImage, GrayImage } from "./raster.js";

/** A speck is at most this tall and wide, as a share of the body text height. */
const SPECK_SIZE = 0.25;
/** …and has no larger ink within this distance (share of the text height): a decimal point or a 。 has. */
const SPECK_ALONE = 0.35;
/** …and takes the paper this far around it (share of the text height) with it. */
const SPECK_FRINGE = 0.06;

/**
 * Paints out specks: tiny blobs of ink with nothing but other specks near them (scanner noise, dust, paper fibre). Left in, the
 * recogniser reads a speck beside a number as a "1" or a ".", the detector cuts a number in two at one, and a
 * chain of them looks like a dash. Marks that belong to text — a decimal point, a full stop, the dot of a
 * punctuation mark — sit close to their glyphs and are kept. Changes `gray` and `binary` in place; returns the
 * number of specks removed.
 */
export function despeckle(gray: GrayImage, binary: BinaryImage, textHeight: number): number {
  const { width, height, data } = binary;
  const size = Math.max(1, Math.floor(SPECK_SIZE * textHeight));
  const reach = Math.max(2, Math.round(SPECK_ALONE * textHeight));
  const ring = Math.max(1, Math.round(SPECK_FRINGE * textHeight));
  const small = findComponents(width, height, data).filter(
    ({ box: [x0, y0, x1, y1] }) => x1 - x0 + 1 <= size && y1 - y0 + 1 <= size,
  );
  // Other specks do not make a speck part of the text (speckle comes in clouds): only larger ink does.
  const speck = new Uint8Array(width * height);
  for (const { box } of small) {
    for (let y = box[1]; y <= box[3]; y++) speck.fill(1, y * width + box[0], y * width + box[2] + 1);
  }
  let removed = 0;
  for (const { box } of small) {
    const [x0, y0, x1, y1] = box;
    const a = Math.max(0, x0 - reach);
    const b = Math.min(width - 1, x1 + reach);
    const c = Math.max(0, y0 - reach);
    const d = Math.min(height - 1, y1 + reach);
    let alone = true;
    for (let y = c; y <= d && alone; y++) {
      for (let x = a; x <= b; x++) {
        const i = y * width + x;
        if (data[i] === 1 && speck[i] !== 1) {
          alone = false;
          break;
        }
      }
    }
    if (!alone) continue;
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        data[y * width + x] = 0;
        gray.data[y * width + x] = 255;
      }
    }
    // Its gray fringe, lighter than ink, goes with it: the recogniser reads a ring left beside a digit as a "1".
    for (let y = Math.max(0, y0 - ring); y <= Math.min(height - 1, y1 + ring); y++) {
      for (let x = Math.max(0, x0 - ring); x <= Math.min(width - 1, x1 + ring); x++) {
        if (data[y * width + x] !== 1) gray.data[y * width + x] = 255;
      }
    }
    removed++;
  }
  return removed;
}
