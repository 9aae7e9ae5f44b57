import { deepenFaintInk, flattenBackground, type GrayImage } from "./raster.js";

/**
 * Mean length of a horizontal run of ink (points) below which a stretch of page is dots, not strokes: ordered or
 * error-diffusion dither, a halftone screen, moiré run 0.36–0.67 pt; text strokes cut across 1–5 pt on every
 * scan measured (low toner 1.07, 400 dpi speckle 1.10).
 */
const SCREENED_RUN = 0.75;
/** Share of a block's pixels that must be ink for the block to count, and blocks of the page that must be dots. */
const INKED_BLOCK = 0.02;
const DOTTED_BLOCKS = 0.6;
/**
 * Least share of a screened page that is ink: a screen prints dots over whole areas (gray paper, a tint, the
 * bodies of glyphs) — 7–18% of the page on the screened scans measured — while faded or broken strokes, also
 * short runs, ink little (a faded 300 dpi page: 1.3%).
 */
const SCREENED_INK = 0.05;
/** Fewest inked blocks a screened page has: a nearly blank page's few specks are not a screen. */
const MIN_INKED_BLOCKS = 24;
/**
 * How much more often ink falls on ink at some shift than at a shorter one for dots to remain (a screen's pitch):
 * after a 1 px blur, a 50 lpi halftone's dots still showed 1.70 (and read badly), a Bayer dither's faint residue
 * 1.33 (read well; blurred further it read worse, some digits silently wrong).
 */
const DOTTED_PEAK = 1.5;
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
  radius?: number,
): { flat: GrayImage; level: number; radius: number } {
  if (radius !== undefined) {
    const flat = deepenFaintInk(flattenBackground(boxBlur(boxBlur(image, radius), radius)));
    return { flat, level: levelOf(flat), radius };
  }
  let flat = deepenFaintInk(flattenBackground(image));
  let level = levelOf(flat);
  if (!screened(flat, level, scale)) return { flat, level, radius: 0 };
  let used = 0;
  for (used = 1; used <= MAX_RADIUS; used++) {
    const blurred = boxBlur(boxBlur(image, used), used);
    flat = deepenFaintInk(flattenBackground(blurred));
    level = levelOf(flat);
    // Blurred no further than the dots need (a wider box than the screen's pitch blurs the strokes too): until
    // the ink runs are strokes and the paper's gray no longer repeats at a dot's pitch.
    if (!screened(flat, level, scale) && !dotted(flat, Math.min(240, level + 50))) break;
  }
  return { flat, level, radius: Math.min(used, MAX_RADIUS) };
}

/** The other blur a screened page is read with as a cross-check: one pixel wider, or narrower at the widest. */
export function otherRadius(radius: number): number {
  return radius < MAX_RADIUS ? radius + 1 : radius - 1;
}

/**
 * Whether the ink still repeats along the rows at a short pitch (2–12 pixels): a shift at which ink falls on ink
 * much more often than at a shorter one (a row of dots repeats; a stroke's ink only thins out with the shift).
 */
export function dotted(image: GrayImage, level: number): boolean {
  const { width, height, data } = image;
  const same = new Float64Array(13);
  for (let y = 0; y < height; y += 7) {
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
    if (count > DOTTED_PEAK * least && least > 0) return true;
    least = Math.min(least, count);
  }
  return false;
}

/**
 * Whether the page is a screen of dots: most of its inked blocks (a block is 16 pt square; inked when 2% of it
 * is ink) hold runs of ink shorter than `SCREENED_RUN` on average, and the page is not mostly paper. Decided by
 * blocks, not over the page: a table page's dotted borders or a nearly blank page's specks are dots too, but the
 * text around them is not.
 */
export function screened(image: GrayImage, level: number, scale: number): boolean {
  const { width, height, data } = image;
  const side = Math.max(8, Math.round(16 * scale));
  const across = Math.ceil(width / side);
  const blocks = across * Math.ceil(height / side);
  const ink = new Float64Array(blocks);
  const runs = new Float64Array(blocks);
  const sampled = new Float64Array(blocks);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const band = Math.floor(y / side) * across;
    let run = 0;
    for (let x = 0; x <= width; x++) {
      const on = x < width && (data[row + x] as number) <= level;
      const block = band + Math.floor(Math.min(x, width - 1) / side);
      if (x < width) sampled[block] = (sampled[block] as number) + 1;
      if (on) {
        run++;
        ink[block] = (ink[block] as number) + 1;
      } else if (run > 0) {
        // A run is counted in the block it ends in.
        runs[block] = (runs[block] as number) + 1;
        run = 0;
      }
    }
  }
  let inked = 0;
  let dots = 0;
  for (let b = 0; b < blocks; b++) {
    if ((ink[b] as number) < INKED_BLOCK * (sampled[b] as number) || (runs[b] as number) === 0) continue;
    inked++;
    if ((ink[b] as number) / (runs[b] as number) / scale < SCREENED_RUN) dots++;
  }
  const inkShare = sum(ink) / Math.max(1, sum(sampled));
  return inked >= MIN_INKED_BLOCKS && dots >= DOTTED_BLOCKS * inked && inkShare >= SCREENED_INK;
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

function sum(values: Float64Array): number {
  return values.reduce((a, b) => a + b, 0);
}

function clamp(i: number, n: number): number {
  return i < 0 ? 0 : i >= n ? n - 1 : i;
}
