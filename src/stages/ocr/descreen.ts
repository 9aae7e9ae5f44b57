import { flattenBackground, type GrayImage } from "./raster.js";

/**
 * Mean length of a horizontal run of ink (points) below which a page is screened: printed or scanned as a
 * pattern of dots (ordered or error-diffusion dither, a halftone screen, moiré). Text strokes cut across run
 * 1–5 pt on every scan measured (low toner 1.07, 400 dpi speckle 1.10); dithered and screened pages 0.36–0.67.
 */
const SCREENED_RUN = 0.75;
/** Widest blur tried (pixels either side); each try starts from the page as scanned. */
const MAX_RADIUS = 3;

/**
 * The page's background-flattened gray image and its ink level; a screened page first turned back into gray
 * levels: box-blurred (twice per pass, about a Gaussian) until its ink runs look like strokes, not dots. The
 * recogniser and the rule finder read a page of dots as noise, and the orientation check took dithered pages
 * for upside-down ones. Other pages are only flattened.
 */
export function flattenScreened(
  image: GrayImage,
  scale: number,
  levelOf: (flat: GrayImage) => number,
): { flat: GrayImage; level: number } {
  let flat = flattenBackground(image);
  let level = levelOf(flat);
  if (meanInkRun(flat, level) / scale >= SCREENED_RUN) return { flat, level };
  for (let radius = 1; radius <= MAX_RADIUS; radius++) {
    const blurred = boxBlur(boxBlur(image, radius), radius);
    flat = flattenBackground(blurred);
    level = levelOf(flat);
    // Blurred no further than the dots need (a wider box than the screen's pitch blurs the strokes too): until
    // the ink runs are strokes and the paper's gray no longer repeats at a dot's pitch.
    if (meanInkRun(flat, level) / scale >= SCREENED_RUN && !dotted(flat, Math.min(240, level + 50))) break;
  }
  return { flat, level };
}

/**
 * Whether the ink still repeats along the rows at a short pitch (2–12 pixels): a shift at which ink falls on ink
 * clearly more often than at a shorter one (a row of dots repeats; a stroke's ink only thins out with the shift).
 */
export function dotted(image: GrayImage, level: number): boolean {
  const { width, height, data } = image;
  const same = new Float64Array(13);
  for (let y = 0; y < height; y += 8) {
    const row = y * width;
    for (let x = 0; x + 12 < width; x++) {
      if ((data[row + x] as number) > level) continue;
      for (let shift = 1; shift <= 12; shift++)
        if ((data[row + x + shift] as number) <= level) same[shift] = (same[shift] as number) + 1;
    }
  }
  let least = same[1] as number;
  for (let shift = 2; shift <= 12; shift++) {
    const count = same[shift] as number;
    if (count > 1.15 * least && least > 0) return true;
    least = Math.min(least, count);
  }
  return false;
}

/** Mean length (pixels) of the horizontal runs at or below `level`, over every fourth row. */
export function meanInkRun(image: GrayImage, level: number): number {
  const { width, height, data } = image;
  let runs = 0;
  let ink = 0;
  for (let y = 0; y < height; y += 4) {
    let run = 0;
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if ((data[row + x] as number) <= level) {
        run++;
        ink++;
      } else if (run > 0) {
        runs++;
        run = 0;
      }
    }
    if (run > 0) runs++;
  }
  return runs === 0 ? Number.POSITIVE_INFINITY : ink / runs;
}

/** Mean over a (2·radius + 1)² box, separable, edges clamped. */
function boxBlur(image: GrayImage, radius: number): GrayImage {
  const { width, height, data } = image;
  const size = 2 * radius + 1;
  const across = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let sum = 0;
    for (let k = -radius; k <= radius; k++) sum += data[row + clamp(k, width)] as number;
    for (let x = 0; x < width; x++) {
      across[row + x] = Math.round(sum / size);
      sum += (data[row + clamp(x + radius + 1, width)] as number) - (data[row + clamp(x - radius, width)] as number);
    }
  }
  const out = new Uint8Array(width * height);
  for (let x = 0; x < width; x++) {
    let sum = 0;
    for (let k = -radius; k <= radius; k++) sum += across[clamp(k, height) * width + x] as number;
    for (let y = 0; y < height; y++) {
      out[y * width + x] = Math.round(sum / size);
      sum +=
        (across[clamp(y + radius + 1, height) * width + x] as number) -
        (across[clamp(y - radius, height) * width + x] as number);
    }
  }
  return { width, height, data: out };
}

function clamp(i: number, n: number): number {
  return i < 0 ? 0 : i >= n ? n - 1 : i;
}
