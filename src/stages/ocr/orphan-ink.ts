import type { RuleSegment, TextItem } from "../../model/page-content.js";
import { UNREADABLE } from "../../model/page-content.js";
import { findComponents } from "./components.js";
import { inkRunsThrough, isSlash, withoutSpecks } from "./mark-shapes.js";
import type { PaddleModels } from "./paddle-models.js";
import { type BinaryImage, crop, type GrayImage, type PixelBox } from "./raster.js";
import { chooseReading, DASH_CONFIDENCE, DASH_MISREAD, DISPUTED } from "./read-regions.js";
import { recognizeCrops } from "./recognize-text.js";

/** A leftover mark is trusted at most this much: the detector passed it over. */
const ORPHAN_CAP = 0.97;
const NUMBER = /^[0-9,.]+$/;
const CJK = /[\u3400-\u9fff]/;

/**
 * Marks the text detector passed over: ink that is neither inside a recognised item nor part of a rule, grouped
 * into glyph-sized blobs. A lone digit is the usual case (a "1" or "0" alone in a cell is too small for the
 * detector), then a printed blank ("—", "-") or a lone 无. Each is read on its own; glyph-sized ink that reads
 * as nothing becomes an `UNREADABLE` mark, so the slot it stands in is never taken for a printed blank.
 */
export async function findOrphanInk(
  models: PaddleModels,
  gray: GrayImage,
  binary: BinaryImage,
  light: BinaryImage,
  segments: readonly RuleSegment[],
  items: readonly TextItem[],
  scale: number,
  textHeight: number,
  level: number,
): Promise<TextItem[]> {
  const covered = coverMask(binary, segments, items, scale, textHeight);
  const found = components(binary, covered, textHeight);
  const blobs = dropRulePieces(groupBlobs(found, textHeight), textHeight);
  const candidates: { box: PixelBox; dash: boolean; mark: string; flatCore?: boolean; deep?: boolean }[] = [];
  const isDash = (b: PixelBox) => {
    const w = b[2] - b[0] + 1;
    const h = b[3] - b[1] + 1;
    return h <= 0.3 * textHeight && w >= 1.5 * h && w >= 0.3 * textHeight && h >= 0.03 * textHeight && isBar(binary, b);
  };
  /** Ink too wide or tall for one glyph or number. */
  const tooLarge = (b: PixelBox) => b[2] - b[0] + 1 > 3 * textHeight || b[3] - b[1] + 1 > 1.8 * textHeight;
  for (const box of blobs) {
    const w = box[2] - box[0] + 1;
    const h = box[3] - box[1] + 1;
    if (tooLarge(box)) continue;
    const dash = isDash(box);
    // Specks grouped with a dash (a speckled scan): its stroke, stripped of them, is flat. It is read all the
    // same, and taken for a dash only where the recogniser reads what it makes of one.
    if (!dash && isDash(withoutSpecks(binary, box, textHeight))) {
      candidates.push({ box, dash: false, mark: "-", flatCore: true });
      continue;
    }
    // A fragment beside a word read already is part of it (a dot, a stroke the word's box missed), or dust;
    // a dash there is a minus sign (joined to its number by `attachSigns`).
    if (!dash && w < 0.6 * textHeight && h < 0.6 * textHeight && nearItem(box, items, scale, 0.3 * textHeight))
      continue;
    if (!dash && isSlash(binary, box, scale)) {
      candidates.push({ box, dash: false, mark: "/" });
      continue;
    }
    if (!dash && h < 0.45 * textHeight) continue;
    if (!dash && inkCount(light, box) < 0.02 * textHeight * textHeight) continue;
    candidates.push({ box, dash, mark: "-" });
  }
  // Ink too large for a glyph may hold one joined to paler ink (a digit touching a coffee stain's rim, a tint): its
  // glyph-sized dark cores are read too — upright ones (a rim's dark arc is slanted), apart from the marks read
  // already — and never surely: the ink they came with may be what they are.
  const reach = 0.3 * textHeight;
  const taken = (core: PixelBox) =>
    candidates.some((c) => near(core, c.box, reach)) || nearItem(core, items, scale, reach);
  for (const box of found.filter(tooLarge)) {
    // A glyph's strokes apart at this level (a 0's two sides) are one glyph.
    for (const core of groupBlobs(darkCores(gray, covered, box, DEEP_SHARE * level, textHeight, scale), textHeight)) {
      // A core the paler ink runs on from above and below is a piece of a longer line (a rim's darker stretch).
      if (taken(core) || inkRunsThrough(binary, core, 0.7 * textHeight)) continue;
      candidates.push({ box: core, dash: false, mark: "-", deep: true });
    }
  }
  if (candidates.length === 0) return [];
  const toRead = candidates.filter((c) => !c.dash);
  const pad = Math.round(0.3 * textHeight);
  const readings = await recognizeCrops(
    models,
    toRead.map(({ box }) => crop(gray, box[0], box[1], box[2] + 1, box[3] + 1, pad)),
  );
  const out: TextItem[] = [];
  let next = 0;
  for (const { box, dash, mark, flatCore, deep } of candidates) {
    const points: [number, number, number, number] = [
      box[0] / scale,
      box[1] / scale,
      (box[2] + 1) / scale,
      (box[3] + 1) / scale,
    ];
    const item = (text: string, confidence: number): TextItem => ({
      text,
      box: points,
      fontSize: Math.max(4, textHeight / scale),
      fontName: "ocr",
      source: "ocr",
      confidence: Math.round(confidence * 1000) / 1000,
    });
    if (dash) {
      out.push(item(mark, DASH_CONFIDENCE));
      continue;
    }
    const reading = readings[next++];
    if (!reading) continue;
    const { text, confidence } = chooseReading(
      reading.chars.filter((c) => c.char !== " "),
      reading.digits.filter((c) => c.char !== " "),
    );
    if (deep) {
      if (NUMBER.test(text) && /\d/.test(text))
        out.push({ ...item(text, Math.min(confidence, DISPUTED)), ceiling: DISPUTED });
      continue;
    }
    if (flatCore && DASH_MISREAD.test(text)) {
      out.push(item("-", DASH_CONFIDENCE));
      continue;
    }
    if (mark === "/") {
      // A slash by shape: unless the recogniser reads a digit there other than the 1 it makes of a slash (a 7
      // whose bar is faint), which leaves the two in dispute.
      if (/^[02-9]$/.test(text) && confidence >= 0.5)
        out.push({ ...item(text, Math.min(confidence, DISPUTED)), ceiling: DISPUTED });
      else out.push(item("/", DASH_CONFIDENCE));
      continue;
    }
    if (CJK.test(text) && confidence >= 0.5) out.push(item(text, Math.min(confidence, ORPHAN_CAP)));
    else if (NUMBER.test(text) && /\d/.test(text)) out.push(item(text, Math.min(confidence, ORPHAN_CAP)));
    else if (/^[-—–_/]+$/.test(text)) out.push(item(text, Math.min(confidence, ORPHAN_CAP)));
    else out.push(item(UNREADABLE, 0));
  }
  return out;
}

/** Pixels that are explained already: inside an item (grown a little) or on a rule. */
function coverMask(
  binary: BinaryImage,
  segments: readonly RuleSegment[],
  items: readonly TextItem[],
  scale: number,
  textHeight: number,
): Uint8Array {
  const { width, height } = binary;
  const mask = new Uint8Array(width * height);
  const fill = (x0: number, y0: number, x1: number, y1: number) => {
    const a = Math.max(0, Math.floor(x0));
    const b = Math.min(width - 1, Math.ceil(x1));
    const c = Math.max(0, Math.floor(y0));
    const d = Math.min(height - 1, Math.ceil(y1));
    for (let y = c; y <= d; y++) mask.fill(1, y * width + a, y * width + b + 1);
  };
  const grow = 0.15 * textHeight;
  for (const item of items) {
    const [x0, y0, x1, y1] = item.box;
    fill(x0 * scale - grow, y0 * scale - grow, x1 * scale + grow, y1 * scale + grow);
  }
  // A rule's band: the stroke can be several pixels thick and wavy.
  const band = Math.max(3, 2.5 * scale);
  for (const s of segments) {
    if (s.orientation === "h") fill(s.from * scale, s.at * scale - band, s.to * scale, s.at * scale + band);
    else fill(s.at * scale - band, s.from * scale, s.at * scale + band, s.to * scale);
  }
  return mask;
}

/** Bounding boxes of the 8-connected ink components outside `covered`, dust left out. */
function components(binary: BinaryImage, covered: Uint8Array, textHeight: number): PixelBox[] {
  const { width, height, data } = binary;
  const minArea = Math.max(4, 0.01 * textHeight * textHeight);
  const outside = new Uint8Array(width * height);
  for (let i = 0; i < outside.length; i++) if (data[i] === 1 && covered[i] !== 1) outside[i] = 1;
  return (
    findComponents(width, height, outside)
      // Ink touching the image's edge is the scanner's border or the page's shadow.
      .filter(({ box: [x0, y0, x1, y1] }) => x0 > 0 && y0 > 0 && x1 < width - 1 && y1 < height - 1)
      .filter((c) => c.area >= minArea)
      .map((c) => c.box)
  );
}

/** A glyph's core inside ink too large for a glyph is darker than this share of the ink level. */
const DEEP_SHARE = 0.6;

/**
 * Glyph-sized components (0.45–1.3 text heights tall, narrower than tall, as a digit is) of the pixels in `box`
 * darker than `deep` and not explained already, less slanted strokes (either way).
 */
function darkCores(
  gray: GrayImage,
  covered: Uint8Array,
  box: PixelBox,
  deep: number,
  textHeight: number,
  scale: number,
): PixelBox[] {
  const [x0, y0, x1, y1] = box;
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  const mask = new Uint8Array(w * h);
  for (let i = 0; i < mask.length; i++) {
    const at = (y0 + ((i / w) | 0)) * gray.width + x0 + (i % w);
    if ((gray.data[at] as number) <= deep && covered[at] !== 1) mask[i] = 1;
  }
  const mirrored = new Uint8Array(w * h);
  for (let i = 0; i < mask.length; i++) mirrored[i] = mask[i - (i % w) + (w - 1 - (i % w))] as number;
  const local = { width: w, height: h, data: mask };
  const flipped = { width: w, height: h, data: mirrored };
  const minArea = Math.max(4, 0.01 * textHeight * textHeight);
  return findComponents(w, h, mask)
    .filter(({ box: [a0, b0, a1, b1], area }) => {
      const ch = b1 - b0 + 1;
      // A digit stands taller than it is wide; a stretch of a rim or a stroke lying flatter does not.
      if (area < minArea || ch < 0.45 * textHeight || ch > 1.3 * textHeight || a1 - a0 + 1 > 0.9 * ch) return false;
      return !isSlash(local, [a0, b0, a1, b1], scale) && !isSlash(flipped, [w - 1 - a1, b0, w - 1 - a0, b1], scale);
    })
    .map(({ box: [a0, b0, a1, b1] }): PixelBox => [a0 + x0, b0 + y0, a1 + x0, b1 + y0]);
}

function near(a: readonly number[], b: readonly number[], reach: number): boolean {
  const [a0 = 0, a1 = 0, a2 = 0, a3 = 0] = a;
  const [b0 = 0, b1 = 0, b2 = 0, b3 = 0] = b;
  return a0 <= b2 + reach && a2 >= b0 - reach && a1 <= b3 + reach && a3 >= b1 - reach;
}

/** Components close enough to be one glyph or one number ("10" printed as two strokes) joined. */
function groupBlobs(boxes: readonly PixelBox[], textHeight: number): PixelBox[] {
  const blobs = boxes.map((b) => [...b] as PixelBox);
  const gap = 0.35 * textHeight;
  let merged = true;
  while (merged) {
    merged = false;
    for (let i = 0; i < blobs.length && !merged; i++) {
      for (let j = i + 1; j < blobs.length; j++) {
        const a = blobs[i] as PixelBox;
        const b = blobs[j] as PixelBox;
        const hGap = Math.max(a[0], b[0]) - Math.min(a[2], b[2]);
        const vGap = Math.max(a[1], b[1]) - Math.min(a[3], b[3]);
        if (hGap > gap || vGap > gap * 0.5) continue;
        const joined: PixelBox = [
          Math.min(a[0], b[0]),
          Math.min(a[1], b[1]),
          Math.max(a[2], b[2]),
          Math.max(a[3], b[3]),
        ];
        if (joined[3] - joined[1] > 1.8 * textHeight || joined[2] - joined[0] > 3 * textHeight) continue;
        blobs[i] = joined;
        blobs.splice(j, 1);
        merged = true;
        break;
      }
    }
  }
  return blobs;
}

/**
 * Thin upright strokes stacked one above another (x overlapping, small gaps between them) are the pieces of a
 * column rule the rule finder missed (bent by perspective, broken where row rules were painted out), not "1"s
 * in every row.
 */
function dropRulePieces(blobs: readonly PixelBox[], textHeight: number): PixelBox[] {
  const thin = (b: PixelBox) => b[2] - b[0] + 1 <= Math.max(3, 0.3 * (b[3] - b[1] + 1));
  const stacked = (a: PixelBox, b: PixelBox) =>
    Math.min(a[2], b[2]) - Math.max(a[0], b[0]) >= -2 &&
    Math.max(a[1], b[1]) - Math.min(a[3], b[3]) <= 1.5 * textHeight;
  return blobs.filter((b) => !(thin(b) && blobs.some((o) => o !== b && thin(o) && stacked(b, o))));
}

/**
 * A dash standing just left of a number on its line is the number's minus sign (本年增/减 "-3"): the two become
 * one item. Any other dash stays a printed blank.
 */
export function attachSigns(items: readonly TextItem[], textHeight: number): TextItem[] {
  const out = [...items];
  const gone = new Set<TextItem>();
  for (const dash of items) {
    if (dash.text !== "-" || dash.source !== "ocr") continue;
    const number = items.find(
      (n) =>
        n !== dash &&
        /^\d[\d,.]*$/.test(n.text) &&
        n.box[0] >= dash.box[2] - 0.1 * textHeight &&
        n.box[0] - dash.box[2] <= 0.45 * textHeight &&
        (dash.box[1] + dash.box[3]) / 2 > n.box[1] &&
        (dash.box[1] + dash.box[3]) / 2 < n.box[3],
    );
    if (!number) continue;
    const index = out.indexOf(number);
    out[index] = {
      ...number,
      text: `-${number.text}`,
      box: [dash.box[0], number.box[1], number.box[2], number.box[3]],
      confidence: Math.min(number.confidence ?? 0, dash.confidence ?? 0),
    };
    gone.add(dash);
  }
  return out.filter((i) => !gone.has(i));
}

function nearItem(box: PixelBox, items: readonly TextItem[], scale: number, reach: number): boolean {
  return items.some((item) =>
    near(
      box,
      item.box.map((v) => v * scale),
      reach,
    ),
  );
}

/**
 * Whether the ink in `box` is one solid bar (a printed dash): inked across (nearly) every column, and filling
 * most of its box. A row of specks grouped into a dash-shaped blob is neither.
 */
function isBar(binary: BinaryImage, box: PixelBox): boolean {
  const [x0, y0, x1, y1] = box;
  let ink = 0;
  let columns = 0;
  for (let x = x0; x <= x1; x++) {
    let column = 0;
    for (let y = y0; y <= y1; y++) column += binary.data[y * binary.width + x] === 1 ? 1 : 0;
    ink += column;
    if (column > 0) columns++;
  }
  const w = x1 - x0 + 1;
  return columns >= 0.9 * w && ink >= 0.5 * w * (y1 - y0 + 1);
}

function inkCount(binary: BinaryImage, box: PixelBox): number {
  let n = 0;
  for (let y = box[1]; y <= box[3]; y++) {
    for (let x = box[0]; x <= box[2]; x++) n += binary.data[y * binary.width + x] === 1 ? 1 : 0;
  }
  return n;
}
