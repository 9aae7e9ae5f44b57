import type { Box } from "../../model/geometry.js";
import type { TextItem } from "../../model/page-content.js";
import type { OcrEngine, OcrWord } from "./engine.js";
import { joinWords, MIN_GLYPH_PX, NUMERIC, ocrItem } from "./ocr-item.js";
import { type BinaryImage, crop, type GrayImage, inkBox, type PixelBox, resize } from "./raster.js";

/** A line of text outside the tables: words grouped into items (numbers apart, re-read with the digit model). */
export async function readLine(
  engine: OcrEngine,
  gray: GrayImage,
  band: PixelBox,
  scale: number,
  inkLevel: number,
): Promise<TextItem[]> {
  const [x0, y0, x1, y1] = band;
  const h = y1 - y0 + 1;
  const upscale = h < MIN_GLYPH_PX ? Math.min(4, MIN_GLYPH_PX / h) : 1;
  const pad = Math.round(6 * scale);
  const image = resize(crop(gray, x0, y0, x1 + 1, y1 + 1, pad), upscale);
  const w = x1 - x0 + 1;
  const layout = w <= 1.5 * h ? "char" : h < 2 * 14 * scale ? "line" : "block";
  const result = await engine.recognizeText(image, layout);
  // Word boxes back to page pixels, then points.
  const toPage = (w: OcrWord): Box => [
    (w.box[0] / upscale - pad + x0) / scale,
    (w.box[1] / upscale - pad + y0) / scale,
    (w.box[2] / upscale - pad + x0) / scale,
    (w.box[3] / upscale - pad + y0) / scale,
  ];
  const items: TextItem[] = [];
  let group: OcrWord[] = [];
  const flush = () => {
    if (group.length === 0) return;
    const boxes = group.map(toPage);
    const box: Box = [
      Math.min(...boxes.map((b) => b[0])),
      Math.min(...boxes.map((b) => b[1])),
      Math.max(...boxes.map((b) => b[2])),
      Math.max(...boxes.map((b) => b[3])),
    ];
    const conf = Math.min(...group.map((w) => w.confidence));
    items.push(ocrItem(joinWords(group), box, Math.max(box[3] - box[1], 6), conf));
    group = [];
  };
  for (const word of result.words) {
    const prev = group[group.length - 1];
    const numeric = NUMERIC.test(word.text) && /\d/.test(word.text);
    const prevNumeric = prev ? NUMERIC.test(prev.text) && /\d/.test(prev.text) : false;
    const gapPx = prev ? (word.box[0] - prev.box[2]) / upscale : 0;
    if (prev && (numeric || prevNumeric || gapPx > 1.5 * h)) flush();
    group.push(word);
  }
  flush();
  // Numbers in lines (an unruled table's values, a narrative count) are re-read with the digit model.
  return Promise.all(
    items.map(async (item) => {
      if (!(NUMERIC.test(item.text) && /\d/.test(item.text))) return item;
      const [bx0, by0, bx1, by1] = item.box;
      const wh = (by1 - by0) * scale;
      const up = wh < MIN_GLYPH_PX ? Math.min(4, MIN_GLYPH_PX / wh) : 1;
      const lineHeight = y1 - y0 + 1;
      const [cx0, cx1] = numberColumns(
        gray,
        inkLevel,
        Math.round(bx0 * scale),
        Math.round(bx1 * scale),
        y0,
        y1,
        0.15 * lineHeight,
        Math.round(lineHeight / 3),
      );
      const crop2 = resize(crop(gray, cx0, y0, cx1 + 1, y1 + 1, pad), up);
      const digits = await engine.recognizeDigits(crop2);
      const text = digits.text.replace(/\s+/g, "");
      if (NUMERIC.test(text) && /\d/.test(text) && digits.confidence >= (item.confidence ?? 0))
        return { ...item, text, confidence: digits.confidence };
      return item;
    }),
  );
}

/**
 * Columns of a number in a text band: the inked columns around the word box's centre, joined across gaps
 * narrower than `maxGap` (the space between two digits), then `margin` columns of paper on each side. The
 * recogniser's word box is only a guide: it can clip a digit's round or reach into the next glyph (件 after a
 * number, whose 亻 reads as a 1).
 */
function numberColumns(
  gray: GrayImage,
  inkLevel: number,
  x0: number,
  x1: number,
  y0: number,
  y1: number,
  maxGap: number,
  reach: number,
): [number, number] {
  const inked = (x: number): boolean => {
    if (x < 0 || x >= gray.width) return false;
    for (let y = Math.max(0, y0); y <= Math.min(gray.height - 1, y1); y++)
      if ((gray.data[y * gray.width + x] as number) <= inkLevel) return true;
    return false;
  };
  // Start from the inked column nearest the centre of the box.
  const centre = Math.round((x0 + x1) / 2);
  let seed = -1;
  for (let d = 0; d <= (x1 - x0) / 2 + 1 && seed < 0; d++) {
    if (inked(centre - d)) seed = centre - d;
    else if (inked(centre + d)) seed = centre + d;
  }
  if (seed < 0) return [x0 - reach, x1 + reach];
  const grow = (dir: -1 | 1): number => {
    let edge = seed;
    let x = seed;
    while (Math.abs(x - seed) < x1 - x0 + 2 * reach) {
      let gap = 0;
      while (gap <= maxGap && !inked(x + dir * (gap + 1))) gap++;
      if (gap > maxGap) break;
      x += dir * (gap + 1);
      edge = x;
    }
    return edge;
  };
  const left = grow(-1);
  const right = grow(1);
  const margin = Math.max(2, Math.floor(maxGap));
  return [left - margin, right + margin];
}

/**
 * Bands of text outside the tables: runs of rows holding ink (specks of a few pixels ignored), each
 * cut to the extent of its ink.
 */
export function findTextLines(mask: BinaryImage, scale: number): PixelBox[] {
  const { width, height, data } = mask;
  // Only ink with an inked 4-neighbour counts: dust (speckle, JPEG noise) spread over a page would otherwise
  // join every line into one band.
  const rowInk = new Int32Array(height);
  for (let y = 1; y < height - 1; y++) {
    let n = 0;
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      if (data[i] === 1 && (data[i - 1] === 1 || data[i + 1] === 1 || data[i - width] === 1 || data[i + width] === 1))
        n++;
    }
    rowInk[y] = n;
  }
  const minRowInk = Math.max(2, Math.round(scale));
  const runs: [number, number][] = [];
  let start = -1;
  for (let y = 0; y <= height; y++) {
    const on = y < height && (rowInk[y] as number) >= minRowInk;
    if (on && start < 0) start = y;
    if (!on && start >= 0) {
      // A glyph's parts can leave a thin row of (almost) no ink between them (告: 牛 over 口): join them.
      const last = runs[runs.length - 1];
      if (last && start - last[1] <= 2.2 * scale) last[1] = y - 1;
      else runs.push([start, y - 1]);
      start = -1;
    }
  }
  const bands: PixelBox[] = [];
  for (const [y0, y1] of runs) {
    // Shorter than a 5 pt glyph: speckle or a stray rule fragment, not a text line.
    if (y1 - y0 + 1 < 5 * scale) continue;
    const box = inkBox(mask, 0, y0, width - 1, y1, scale);
    if (box) bands.push(box);
  }
  return bands;
}

/**
 * Clears (in place) every 8-connected run of ink of a `width`-wide bilevel mask that touches the mask's border,
 * is larger than `maxSize` pixels both ways, or taller than twice that.
 */
export function clearBlots(data: Uint8Array, width: number, maxSize: number): void {
  const height = data.length / width;
  const seen = new Uint8Array(data.length);
  const members: number[] = [];
  for (let start = 0; start < data.length; start++) {
    if (data[start] !== 1 || seen[start]) continue;
    members.length = 0;
    members.push(start);
    seen[start] = 1;
    let [x0, y0, x1, y1] = [width, height, 0, 0];
    for (let k = 0; k < members.length; k++) {
      const i = members[k] as number;
      const x = i % width;
      const y = (i - x) / width;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const j = ny * width + nx;
          if (data[j] === 1 && !seen[j]) {
            seen[j] = 1;
            members.push(j);
          }
        }
      }
    }
    const edge = x0 === 0 || y0 === 0 || x1 === width - 1 || y1 === height - 1;
    const w = x1 - x0 + 1;
    const h = y1 - y0 + 1;
    // A line of blurred glyphs that touch one another is long but not tall: it stays.
    if (edge || (w > maxSize && h > maxSize) || h > 2 * maxSize) for (const i of members) data[i] = 0;
  }
}

/** Blanks a box given in page points (plus `margin`) in a pixel mask of `scale` pixels per point. */
export function clearBox(data: Uint8Array, width: number, box: Box, scale: number, margin: number): void {
  const height = data.length / width;
  const x0 = Math.max(0, Math.floor((box[0] - margin) * scale));
  const y0 = Math.max(0, Math.floor((box[1] - margin) * scale));
  const x1 = Math.min(width, Math.ceil((box[2] + margin) * scale));
  const y1 = Math.min(height, Math.ceil((box[3] + margin) * scale));
  for (let y = y0; y < y1; y++) data.fill(0, y * width + x0, y * width + x1);
}
