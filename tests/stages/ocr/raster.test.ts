import { describe, expect, it } from "vitest";
import { flattenScreened, screened } from "../../../src/stages/ocr/descreen.js";
import {
  binarize,
  crop,
  deepenFaintInk,
  detectRules,
  estimateSkew,
  flattenBackground,
  type GrayImage,
  otsuThreshold,
  planeShift,
  rotate,
  toGray,
} from "../../../src/stages/ocr/index.js";

/** A white page with a ruled 3×2 table (1 px dark lines), `scale` pixels per point. */
function ruledPage(scale: number): GrayImage {
  const width = Math.round(400 * scale);
  const height = Math.round(300 * scale);
  const data = new Uint8Array(width * height).fill(250);
  const hline = (yPt: number) => {
    const y = Math.round(yPt * scale);
    for (let x = Math.round(50 * scale); x <= Math.round(350 * scale); x++) data[y * width + x] = 20;
  };
  const vline = (xPt: number) => {
    const x = Math.round(xPt * scale);
    for (let y = Math.round(50 * scale); y <= Math.round(110 * scale); y++) data[y * width + x] = 20;
  };
  for (const y of [50, 70, 90, 110]) hline(y);
  for (const x of [50, 200, 350]) vline(x);
  // A "glyph" inside a cell: a short vertical stroke that must not become a rule.
  for (let y = Math.round(74 * scale); y <= Math.round(86 * scale); y++) data[y * width + Math.round(120 * scale)] = 20;
  return { width, height, data };
}

describe("raster operations for OCR", () => {
  it("finds a table's rules (in points) and not a glyph stroke inside a cell", () => {
    const page = ruledPage(2);
    const segments = detectRules(binarize(page, 128), 2);
    const hs = segments.filter((s) => s.orientation === "h").map((s) => Math.round(s.at));
    const vs = segments.filter((s) => s.orientation === "v").map((s) => Math.round(s.at));
    expect(hs.sort((a, b) => a - b)).toEqual([50, 70, 90, 110]);
    expect(vs.sort((a, b) => a - b)).toEqual([50, 200, 350]);
  });

  it("measures the skew of a turned page and straightens it", () => {
    const page = ruledPage(2);
    const turned = rotate(page, 1.5);
    const skew = estimateSkew(binarize(turned, 128));
    expect(Math.abs(skew - 1.5)).toBeLessThan(0.15);
    const straight = rotate(turned, -skew);
    const segments = detectRules(binarize(straight, 200), 2);
    expect(segments.filter((s) => s.orientation === "h")).toHaveLength(4);
    expect(estimateSkew(binarize(page, 128))).toBe(0);
  });

  it("evens out a shadow so one threshold separates ink from paper", () => {
    const width = 200;
    const height = 100;
    const data = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = 250 - x / 2; // 250 → 150
    for (let x = 10; x < 190; x++) data[50 * width + x] = Math.round((250 - x / 2) * 0.3); // ink at 30% of paper
    const flat = flattenBackground({ width, height, data });
    const level = otsuThreshold(flat);
    const ink = binarize(flat, level);
    let inkPixels = 0;
    for (const v of ink.data) inkPixels += v;
    expect(inkPixels).toBe(180);
    expect(ink.data[50 * width + 180]).toBe(1);
    expect(ink.data[10 * width + 180]).toBe(0);
  });

  it("crops with white padding", () => {
    const page = ruledPage(1);
    const cell = crop(page, 49, 49, 52, 52, 2);
    expect(cell.width).toBe(3 + 4);
    expect(cell.data[0]).toBe(255);
  });
});

describe("screened pages", () => {
  const levelOf = (flat: GrayImage) => Math.min(190, Math.max(110, otsuThreshold(flat)));
  /** A page 600×400 at 3 px/pt: gray paper (level 200) ordered-dithered to dots, and a black bar 12 px tall. */
  function ditheredPage(): GrayImage {
    const width = 600;
    const height = 400;
    const bayer = [0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5];
    const data = new Uint8Array(width * height);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const gray = y >= 190 && y < 202 && x >= 100 && x < 500 ? 0 : 150;
        data[y * width + x] = gray / 255 > ((bayer[(y % 4) * 4 + (x % 4)] as number) + 0.5) / 16 ? 255 : 0;
      }
    return { width, height, data };
  }
  it("turns a dithered page back into gray levels: its dots go, its strokes stay", () => {
    const page = ditheredPage();
    const raw = flattenBackground(page);
    expect(screened(raw, levelOf(raw), 3)).toBe(true);
    const { flat, level } = flattenScreened(page, 3, levelOf);
    const ink = (x: number, y: number) => (flat.data[y * flat.width + x] as number) <= level;
    let paperInk = 0;
    for (let y = 20; y < 150; y++) for (let x = 20; x < 580; x++) paperInk += ink(x, y) ? 1 : 0;
    expect(paperInk).toBe(0);
    for (let x = 110; x < 490; x += 10) expect(ink(x, 196)).toBe(true);
  });
  it("leaves a page of strokes as flattened", () => {
    // Glyph-like strokes 3 px (1 pt) thick at 3 px/pt, upright and flat, on white paper.
    const width = 600;
    const data = new Uint8Array(width * 400).fill(245);
    for (let k = 0; k < 40; k++) {
      const x0 = 20 + (k % 10) * 55;
      const y0 = 30 + Math.floor(k / 10) * 90;
      for (let y = y0; y < y0 + 30; y++) for (let x = x0; x < x0 + 3; x++) data[y * width + x] = 20;
      for (let y = y0 + 10; y < y0 + 13; y++) for (let x = x0; x < x0 + 25; x++) data[y * width + x] = 20;
    }
    const page = { width, height: 400, data };
    const flat = flattenBackground(page);
    const out = flattenScreened(page, 3, levelOf);
    expect(out.level).toBe(levelOf(flat));
    expect(Buffer.from(out.flat.data).equals(Buffer.from(flat.data))).toBe(true);
  });
});

describe("toGray", () => {
  it("keeps black and gray print, and takes red seals and blue pen for paper", () => {
    const rgb = [
      [20, 20, 20], // black print
      [128, 128, 128], // gray print
      [200, 40, 50], // a red seal
      [94, 101, 166], // blue ballpoint
      [60, 60, 90], // dark ink with a blue cast: still ink
      [0, 0, 128], // navy print: still ink
      [10, 30, 100], // a black stroke tinted by a blue fill's JPEG colour: still ink
    ];
    const { data } = toGray(rgb.length, 1, rgb.flat(), 3);
    expect([...data]).toEqual([20, 128, 255, 231, 63, 15, 32]);
  });

  /** Black strokes 3 px wide, every 10 px, of uneven height and place. */
  const ink = (x: number, y: number) => {
    const top = 20 + ((Math.floor(x / 10) * 7) % 13);
    return y >= top && y < top + 9 + (Math.floor(x / 10) % 5) && x >= 10 && x < 190 && x % 10 < 3;
  };
  /** 200×100 RGB: black strokes 3 px wide, every 10 px, of uneven height; red and blue planes drawn shifted. */
  function strokes(red: [number, number], blue: [number, number], seal = false): number[] {
    const w = 200;
    const pixels: number[] = [];
    for (let y = 0; y < 100; y++) {
      for (let x = 0; x < w; x++) {
        const g = ink(x, y) ? 20 : 240;
        const r = ink(x - red[0], y - red[1]) ? 20 : 240;
        const b = ink(x - blue[0], y - blue[1]) ? 20 : 240;
        // A red seal's ring over the strokes: red, dark in green and blue.
        const ring = seal && Math.abs(Math.hypot(x - 100, y - 50) - 30) < 3;
        pixels.push(ring ? 220 : r, ring ? 40 : g, ring ? 50 : b);
      }
    }
    return pixels;
  }

  it("reads a colour scanner's planes in register: strokes fringed red and cyan stay whole", () => {
    // k17: red and blue sensors 1–2 px out of line; the red side of every stroke counted as paper (a seal's colour).
    const pixels = strokes([1, -2], [-1, 2]);
    expect(planeShift(200, 100, pixels, 3, 0)).toEqual([1, -2]);
    expect(planeShift(200, 100, pixels, 3, 2)).toEqual([-1, 2]);
    const { data } = toGray(200, 100, pixels, 3);
    // Every pixel of a stroke's core is dark again (out of register, the red fringe read as paper: 255).
    for (let x = 10; x < 190; x++)
      for (let y = 0; y < 100; y++) if (ink(x, y)) expect(data[y * 200 + x]).toBeLessThan(60);
  });

  it("leaves a page in register as it is, red seal and all", () => {
    const pixels = strokes([0, 0], [0, 0], true);
    expect(planeShift(200, 100, pixels, 3, 0)).toEqual([0, 0]);
    expect(planeShift(200, 100, pixels, 3, 2)).toEqual([0, 0]);
  });
});

describe("deepenFaintInk", () => {
  /** A 400×300 page of paper at 245 with `strokes` vertical strokes of ink at `ink`, each 2 px wide and 20 tall. */
  function page(ink: number, strokes: number): GrayImage {
    const width = 400;
    const data = new Uint8Array(width * 300).fill(245);
    for (let s = 0; s < strokes; s++) {
      const x0 = 10 + (s % 60) * 6;
      const y0 = 10 + Math.floor(s / 60) * 30;
      for (let y = y0; y < y0 + 20; y++) for (let x = x0; x < x0 + 2; x++) data[y * width + x] = ink;
    }
    return { width, height: 300, data };
  }

  it("darkens pale print (ink at 165 on paper 245) to ordinary ink, keeping the paper light", () => {
    // h05: at 165 a threshold made for ink kept only the darkest stroke of each 0, read as a sure "1".
    const faint = page(165, 300);
    const deep = deepenFaintInk(faint);
    expect(deep.data[10 * 400 + 10]).toBeLessThanOrEqual(45);
    expect(deep.data[5 * 400 + 5]).toBeGreaterThanOrEqual(225);
    expect(otsuThreshold(deep)).toBeLessThan(190);
  });

  it("leaves ordinary and faded-but-dark print, and a nearly blank page's specks, as they are", () => {
    const ordinary = page(30, 300);
    expect(deepenFaintInk(ordinary)).toBe(ordinary);
    const faded = page(110, 300);
    expect(deepenFaintInk(faded)).toBe(faded);
    const blank = page(165, 3);
    expect(deepenFaintInk(blank)).toBe(blank);
  });
});
