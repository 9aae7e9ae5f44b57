/** An 8-bit grayscale raster, row-major, 0 = black, 255 = white. */
export interface GrayImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** A bilevel raster: 1 = ink. */
export interface BinaryImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/**
 * Evens out uneven lighting (a photographed page, a shadow at the binding): each pixel is divided by the
 * local paper brightness, estimated per block of `block` pixels as a high percentile of its levels (the
 * paper, robust to noise; the maximum would take a speck of sensor noise for the paper and leave gray fills
 * too dark where the light falls off).
 */
export function flattenBackground(image: GrayImage, block = 48): GrayImage {
  const { width, height, data } = image;
  const bw = Math.ceil(width / block);
  const bh = Math.ceil(height / block);
  const hist = new Uint32Array(bw * bh * 256);
  for (let y = 0; y < height; y++) {
    const row = ((y / block) | 0) * bw;
    for (let bx = 0, x = 0; bx < bw; bx++) {
      const base = (row + bx) * 256;
      for (const end = Math.min(width, x + block); x < end; x++) {
        const k = base + (data[y * width + x] as number);
        hist[k] = (hist[k] as number) + 1;
      }
    }
  }
  const paper = new Float32Array(bw * bh);
  for (let k = 0; k < bw * bh; k++) {
    let count = 0;
    for (let v = 0; v < 256; v++) count += hist[k * 256 + v] as number;
    // The level 8% of the block's pixels are brighter than.
    let above = 0;
    let v = 255;
    for (; v > 0; v--) {
      above += hist[k * 256 + v] as number;
      if (above >= 0.08 * count) break;
    }
    paper[k] = v;
  }
  // A block (nearly) covered by ink (a thick border, a stamp, a filled header) is darker than the paper around
  // it: it takes its brightest neighbour's level.
  const bg = new Float32Array(bw * bh);
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      let best = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const x = bx + dx;
          const y = by + dy;
          if (x < 0 || y < 0 || x >= bw || y >= bh) continue;
          best = Math.max(best, paper[y * bw + x] as number);
        }
      }
      const own = paper[by * bw + bx] as number;
      bg[by * bw + bx] = Math.max(own < 0.85 * best ? best : own, 64);
    }
  }
  const out = new Uint8Array(width * height);
  // Bilinear interpolation between block centres; the weights along x are the same on every row.
  const xs0 = new Int32Array(width);
  const xs1 = new Int32Array(width);
  const txs = new Float64Array(width);
  for (let x = 0; x < width; x++) {
    const fx = Math.min(Math.max((x + 0.5) / block - 0.5, 0), bw - 1);
    xs0[x] = Math.floor(fx);
    xs1[x] = Math.min((xs0[x] as number) + 1, bw - 1);
    txs[x] = fx - (xs0[x] as number);
  }
  for (let y = 0; y < height; y++) {
    const fy = Math.min(Math.max((y + 0.5) / block - 0.5, 0), bh - 1);
    const y0 = Math.floor(fy);
    const y1 = Math.min(y0 + 1, bh - 1);
    const ty = fy - y0;
    for (let x = 0; x < width; x++) {
      const x0 = xs0[x] as number;
      const x1 = xs1[x] as number;
      const tx = txs[x] as number;
      const b =
        (bg[y0 * bw + x0] as number) * (1 - tx) * (1 - ty) +
        (bg[y0 * bw + x1] as number) * tx * (1 - ty) +
        (bg[y1 * bw + x0] as number) * (1 - tx) * ty +
        (bg[y1 * bw + x1] as number) * tx * ty;
      const i = y * width + x;
      out[i] = Math.min(255, Math.round(((data[i] as number) * 255) / b));
    }
  }
  return { width, height, data: out };
}

/** Otsu's threshold of a gray image (the level that best separates ink from paper). */
export function otsuThreshold(image: GrayImage): number {
  const hist = new Float64Array(256);
  const data = image.data;
  // An indexed loop: iterating a page-sized typed array with for…of costs ten times as much.
  for (let i = 0; i < data.length; i++) {
    const v = data[i] as number;
    hist[v] = (hist[v] as number) + 1;
  }
  const total = data.length;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * (hist[i] as number);
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let level = 128;
  for (let t = 0; t < 256; t++) {
    wB += hist[t] as number;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * (hist[t] as number);
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) ** 2;
    if (between > best) {
      best = between;
      level = t;
    }
  }
  return level;
}

/**
 * The darkest 0.2% of a printed page's pixels lie in its ink's core: 0–110 on every scan measured, faded ones
 * included (a 400 dpi faded copy 102–105, a low-contrast 300 dpi one 109–119). Above this level the print itself
 * is pale — a light toner setting, ink at 165 on paper 245 — and a threshold made for ink keeps only the darkest
 * stroke of each glyph (a 0's left side read as a sure "1").
 */
const FAINT_CORE = 125;
/** Where a faint page's core is moved to: ordinary ink. */
const INK_CORE = 40;
/** Least share of a faint page at least this much darker than white: a nearly blank page's specks are no print. */
const FAINT_INKED = 0.01;
const FAINT_INK_LEVEL = 215;

/**
 * A background-flattened page whose ink is pale, its levels stretched away from white until its darkest ink is
 * ordinary ink (paper stays white; its noise grows in proportion, still far lighter than the ink). Other pages
 * are returned as they are.
 */
export function deepenFaintInk(image: GrayImage): GrayImage {
  const { data } = image;
  const hist = new Float64Array(256);
  for (let i = 0; i < data.length; i++) {
    const v = data[i] as number;
    hist[v] = (hist[v] as number) + 1;
  }
  let core = 255;
  let inked = 0;
  for (let v = 0, seen = 0; v < 256; v++) {
    seen += hist[v] as number;
    if (core === 255 && seen >= 0.002 * data.length) core = v;
    if (v <= FAINT_INK_LEVEL) inked = seen;
  }
  if (core <= FAINT_CORE || inked < FAINT_INKED * data.length) return image;
  const k = (255 - INK_CORE) / (255 - core);
  const table = new Uint8Array(256);
  for (let v = 0; v < 256; v++) table[v] = Math.max(0, Math.round(255 - (255 - v) * k));
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = table[data[i] as number] as number;
  return { width: image.width, height: image.height, data: out };
}

/** Ink where the (background-flattened) gray level is at or below `threshold`. */
export function binarize(image: GrayImage, threshold: number): BinaryImage {
  const data = new Uint8Array(image.data.length);
  for (let i = 0; i < data.length; i++) data[i] = (image.data[i] as number) <= threshold ? 1 : 0;
  return { width: image.width, height: image.height, data };
}

/** A rectangle of a gray image, padded with white to `padding` pixels on each side (`paddingY` above and below). */
export function crop(
  image: GrayImage,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  padding = 0,
  paddingY = padding,
): GrayImage {
  const pad = Math.max(0, Math.round(padding));
  const padY = Math.max(0, Math.round(paddingY));
  const left = Math.max(0, Math.floor(x0));
  const top = Math.max(0, Math.floor(y0));
  const right = Math.min(image.width, Math.ceil(x1));
  const bottom = Math.min(image.height, Math.ceil(y1));
  const w = Math.max(1, right - left) + 2 * pad;
  const h = Math.max(1, bottom - top) + 2 * padY;
  const data = new Uint8Array(w * h).fill(255);
  for (let y = top; y < bottom; y++) {
    const src = y * image.width;
    const dst = (y - top + padY) * w + pad;
    data.set(image.data.subarray(src + left, src + right), dst);
  }
  return { width: w, height: h, data };
}

/**
 * Levels scaled so that `paper` becomes white: a crop of a gray cell (a fill, dim light) against the white
 * padding around it would otherwise show the recogniser an edge that is not there.
 */
export function whiten(image: GrayImage, paper: number): GrayImage {
  if (paper >= 254) return image;
  const k = 255 / Math.max(1, paper);
  const data = new Uint8Array(image.data.length);
  for (let i = 0; i < data.length; i++) data[i] = Math.min(255, Math.round((image.data[i] as number) * k));
  return { width: image.width, height: image.height, data };
}

/** The image thresholded at its Otsu level, as black ink on white (a gray image of two levels). */
export function binarizeGray(image: GrayImage): GrayImage {
  const level = otsuThreshold(image);
  const data = new Uint8Array(image.data.length);
  for (let i = 0; i < data.length; i++) data[i] = (image.data[i] as number) <= level ? 0 : 255;
  return { width: image.width, height: image.height, data };
}

/** A box in pixels: x0, y0, x1, y1 (inclusive). */
export type PixelBox = [number, number, number, number];

/**
 * Bounding box of the ink inside [x0..x1]×[y0..y1], ignoring columns/rows with only a speck; null if none.
 * Dust (ink with fewer than two inked neighbours) and rule strokes crossing the box are not ink.
 */
export function inkBox(
  binary: BinaryImage,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  scale: number,
): PixelBox | null {
  const { width, data } = binary;
  // Ink with fewer than two inked 4-neighbours is dust (speckle, JPEG noise): it is not counted; a 1-pixel
  // stroke has two.
  const on = (x: number, y: number): boolean => {
    const i = y * width + x;
    if (data[i] !== 1) return false;
    const neighbours =
      (data[i - 1] === 1 ? 1 : 0) +
      (data[i + 1] === 1 ? 1 : 0) +
      (data[i - width] === 1 ? 1 : 0) +
      (data[i + width] === 1 ? 1 : 0);
    return neighbours >= 2;
  };
  const cols = new Int32Array(x1 - x0 + 1);
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) if (on(x, y)) cols[x - x0] = (cols[x - x0] as number) + 1;
  }
  // A column inked over most of the height is a rule (a second stroke of a double border), not text.
  const ruleCol = cols.map((v) => (v >= 0.7 * (y1 - y0 + 1) ? 1 : 0));
  cols.forEach((_, i) => {
    if (ruleCol[i]) cols[i] = 0;
  });
  const rows = new Int32Array(y1 - y0 + 1);
  let total = 0;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      if (!ruleCol[x - x0] && on(x, y)) {
        rows[y - y0] = (rows[y - y0] as number) + 1;
        total++;
      }
    }
  }
  // Likewise a row inked over most of the width.
  for (let i = 0; i < rows.length; i++) {
    if ((rows[i] as number) >= 0.7 * (x1 - x0 + 1)) {
      total -= rows[i] as number;
      rows[i] = 0;
    }
  }
  // Less ink than a small dot of a glyph: speckle in an empty cell.
  if (total < Math.max(8, 1.2 * scale * scale)) return null;
  const first = (a: Int32Array) => a.findIndex((v) => v > 0);
  const lastOf = (a: Int32Array) => {
    for (let i = a.length - 1; i >= 0; i--) if ((a[i] as number) > 0) return i;
    return -1;
  };
  // Trim isolated specks at the edges: keep the span between the outermost columns whose neighbourhood has ink.
  const trim = (a: Int32Array): [number, number] | null => {
    const dense = a.map((v, i) => (v + (a[i - 1] ?? 0) + (a[i + 1] ?? 0) >= 3 ? 1 : 0));
    const s = first(dense);
    const e = lastOf(dense);
    if (s < 0) {
      const s2 = first(a);
      return s2 < 0 ? null : [s2, lastOf(a)];
    }
    return [s, e];
  };
  const cx = trim(cols);
  const cy = trim(rows);
  if (!cx || !cy) return null;
  return [x0 + cx[0], y0 + cy[0], x0 + cx[1], y0 + cy[1]];
}

/** The median grey level. */
export function median(data: Uint8Array): number {
  const hist = new Uint32Array(256);
  for (let i = 0; i < data.length; i++) {
    const v = data[i] as number;
    hist[v] = (hist[v] as number) + 1;
  }
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += hist[v] as number;
    if (seen * 2 >= data.length) return v;
  }
  return 255;
}
