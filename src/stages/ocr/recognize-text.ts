import { ort, type PaddleModels } from "./paddle-models.js";
import type { GrayImage } from "./raster.js";

/** A recognised character: its text, its x extent in the crop's pixels, and its probability 0–1. */
export interface RecognizedChar {
  readonly char: string;
  readonly x0: number;
  readonly x1: number;
  readonly confidence: number;
  /** Read below `DOUBT_BELOW`: the class next likeliest at the character's surest step (free reading only). */
  readonly second?: { readonly char: string; readonly confidence: number };
}

/** A character read below this keeps its runner-up (when that holds at least `RUNNER_UP_MIN`). */
const DOUBT_BELOW = 0.9;
const RUNNER_UP_MIN = 0.02;

/** One crop's reading: the characters, and the same crop decoded with its output limited to number marks. */
export interface Recognition {
  readonly chars: readonly RecognizedChar[];
  readonly digits: readonly RecognizedChar[];
}

/** The recogniser's input height (pixels) and the width one output step covers. */
const REC_HEIGHT = 48;
const STEP = 8;
/** A crop is never narrower than this after scaling (a lone digit is read in context of a little paper). */
const MIN_WIDTH = 32;
/** Widest crop fed at once (a line wider than this is scaled down to it). */
const MAX_WIDTH = 2400;
/** Input elements per recognition call: a batch of similar widths, padded to the widest. */
const BATCH_BUDGET = 3 * REC_HEIGHT * 3200;
/** Characters a value slot may hold: digits, group and decimal separators, signs. */
const NUMBER_MARKS = "0123456789,.-+";

/**
 * Reads text crops with the PP-OCRv4 recogniser (CTC, greedy decoding). Crops are scaled to 48 px high and
 * batched by width. Each character's x extent comes from the output steps it was read at, so a line read
 * whole can be cut into its words and numbers. `digits` is the same output decoded over the number marks
 * only (a value slot's reading: "O" cannot come back for a 0, nor 十 for a +). With `spread`, a batch holds
 * crops at most that many times wider than its narrowest (and one output step more): the padding after a crop
 * is read along with it, so a lone digit padded to a long line's width can come back as nothing.
 */
export async function recognizeCrops(
  models: PaddleModels,
  crops: readonly GrayImage[],
  options: { readonly spread?: number } = {},
): Promise<Recognition[]> {
  const spread = options.spread ?? Number.POSITIVE_INFINITY;
  const results: Recognition[] = new Array(crops.length);
  const widths = crops.map((c) =>
    Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round((c.width * REC_HEIGHT) / c.height))),
  );
  const order = crops.map((_, i) => i).sort((a, b) => (widths[a] as number) - (widths[b] as number));
  const allowed = numberClasses(models.classes);
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    const first = widths[order[start] as number] as number;
    while (
      end < order.length &&
      (widths[order[end] as number] as number) <= first * spread + STEP &&
      (end - start + 1) * 3 * REC_HEIGHT * (widths[order[end] as number] as number) <= BATCH_BUDGET
    )
      end++;
    const batch = order.slice(start, end);
    const batchWidth = Math.ceil((widths[batch[batch.length - 1] as number] as number) / STEP) * STEP;
    const plane = REC_HEIGHT * batchWidth;
    // Padding is 0 after normalisation, as in PaddleOCR's own batching.
    const input = new Float32Array(batch.length * 3 * plane);
    batch.forEach((index, b) => {
      const crop = crops[index] as GrayImage;
      const scaled = scaleTo(crop, widths[index] as number, REC_HEIGHT);
      const base = b * 3 * plane;
      for (let y = 0; y < REC_HEIGHT; y++) {
        for (let x = 0; x < scaled.width; x++) {
          const v = (scaled.data[y * scaled.width + x] as number) / 127.5 - 1;
          const i = y * batchWidth + x;
          input[base + i] = v;
          input[base + plane + i] = v;
          input[base + 2 * plane + i] = v;
        }
      }
    });
    const feeds = {
      [models.recognizer.inputNames[0] as string]: new ort.Tensor("float32", input, [
        batch.length,
        3,
        REC_HEIGHT,
        batchWidth,
      ]),
    };
    const out = (await models.recognizer.run(feeds))[models.recognizer.outputNames[0] as string] as ort.Tensor;
    const [, steps, classes] = out.dims as [number, number, number];
    const probs = out.data as Float32Array;
    batch.forEach((index, b) => {
      const crop = crops[index] as GrayImage;
      // Output steps past the crop's own width read padding.
      const used = Math.min(steps, Math.ceil((widths[index] as number) / STEP));
      const toCrop = crop.width / (widths[index] as number);
      const offset = b * steps * classes;
      const top = topTwo(probs, offset, used, classes);
      results[index] = {
        chars: decode(probs, top, offset, classes, models.classes, null, toCrop),
        digits: decode(probs, top, offset, classes, models.classes, allowed, toCrop),
      };
    });
    out.dispose();
    start = end;
  }
  return results;
}

/** Per class: 0 = not a number mark, `DIGIT`, or `MARK` (separator, sign); the blank is a `MARK`. */
const DIGIT = 2;
const MARK = 1;

function numberClasses(classes: readonly string[]): Uint8Array {
  const allowed = new Uint8Array(classes.length);
  allowed[0] = MARK;
  classes.forEach((c, i) => {
    if (c.length === 1 && NUMBER_MARKS.includes(c)) allowed[i] = /\d/.test(c) ? DIGIT : MARK;
  });
  return allowed;
}

/**
 * Greedy CTC decoding. With `allowed` (number marks), a step is blank where the unlimited reading is blank;
 * elsewhere it takes the best allowed mark, with its share of the allowed marks' probability: "given a number
 * mark stands here, which one" — a 0 the recogniser leans to read as "o" comes back as a sure 0.
 */
function decode(
  probs: Float32Array,
  top: TopTwo,
  offset: number,
  classes: number,
  names: readonly string[],
  allowed: Uint8Array | null,
  toCrop: number,
): RecognizedChar[] {
  const chars: RecognizedChar[] = [];
  // The number marks' classes in order (the blank, class 0, left out).
  const marks: number[] = [];
  if (allowed) for (let c = 1; c < classes; c++) if (allowed[c]) marks.push(c);
  let previous = 0;
  let current: { index: number; from: number; to: number; p: number; second: number; secondP: number } | null = null;
  const flush = () => {
    if (current) {
      const second =
        !allowed && current.p < DOUBT_BELOW && current.secondP >= RUNNER_UP_MIN && current.second > 0
          ? { char: names[current.second] ?? "", confidence: current.secondP }
          : undefined;
      chars.push({
        char: names[current.index] ?? "",
        x0: current.from * STEP * toCrop,
        x1: (current.to + 1) * STEP * toCrop,
        confidence: current.p,
        ...(second ? { second } : {}),
      });
    }
    current = null;
  };
  for (let t = 0; t < top.best.length; t++) {
    const row = offset + t * classes;
    let best = top.best[t] as number;
    let bestP = top.bestP[t] as number;
    const runner = top.runner[t] as number;
    const runnerP = top.runnerP[t] as number;
    let p = bestP;
    if (allowed && best !== 0 && !allowed[best]) {
      // A letter or a Chinese character stands for a digit here (never for a separator or a sign).
      let total = 0;
      bestP = -1;
      for (const c of marks) {
        if (allowed[c] !== DIGIT) continue;
        const q = probs[row + c] as number;
        total += q;
        if (q > bestP) {
          bestP = q;
          best = c;
        }
      }
      p = bestP / Math.max(total, 1e-9);
    } else if (allowed && best !== 0) {
      let total = 0;
      for (const c of marks) total += probs[row + c] as number;
      p = bestP / Math.max(total, 1e-9);
    }
    if (best !== 0 && best === previous && current) {
      current.to = t;
      if (p > current.p) {
        current.p = p;
        current.second = runner;
        current.secondP = runnerP;
      }
    } else if (best !== 0) {
      flush();
      current = { index: best, from: t, to: t, p, second: runner, secondP: runnerP };
    } else flush();
    previous = best;
  }
  flush();
  return chars;
}

/** Per output step: the likeliest class and the next likeliest, with their probabilities. */
interface TopTwo {
  readonly best: Int32Array;
  readonly bestP: Float64Array;
  readonly runner: Int32Array;
  readonly runnerP: Float64Array;
}

function topTwo(probs: Float32Array, offset: number, steps: number, classes: number): TopTwo {
  const top = {
    best: new Int32Array(steps),
    bestP: new Float64Array(steps),
    runner: new Int32Array(steps),
    runnerP: new Float64Array(steps),
  };
  for (let t = 0; t < steps; t++) {
    const row = offset + t * classes;
    let best = 0;
    let bestP = -1;
    let runner = 0;
    let runnerP = -1;
    for (let c = 0; c < classes; c++) {
      const p = probs[row + c] as number;
      if (p > bestP) {
        runner = best;
        runnerP = bestP;
        bestP = p;
        best = c;
      } else if (p > runnerP) {
        runner = c;
        runnerP = p;
      }
    }
    top.best[t] = best;
    top.bestP[t] = bestP;
    top.runner[t] = runner;
    top.runnerP[t] = runnerP;
  }
  return top;
}

/** Bilinear scaling to exactly `w` × `h`. */
function scaleTo(image: GrayImage, w: number, h: number): GrayImage {
  const data = new Uint8Array(w * h);
  const fx = image.width / w;
  const fy = image.height / h;
  for (let y = 0; y < h; y++) {
    const sy = Math.min(image.height - 1, Math.max(0, (y + 0.5) * fy - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(image.height - 1, y0 + 1);
    const ty = sy - y0;
    for (let x = 0; x < w; x++) {
      const sx = Math.min(image.width - 1, Math.max(0, (x + 0.5) * fx - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(image.width - 1, x0 + 1);
      const tx = sx - x0;
      const a = image.data[y0 * image.width + x0] as number;
      const b = image.data[y0 * image.width + x1] as number;
      const c = image.data[y1 * image.width + x0] as number;
      const d = image.data[y1 * image.width + x1] as number;
      data[y * w + x] = Math.round(a * (1 - tx) * (1 - ty) + b * tx * (1 - ty) + c * (1 - tx) * ty + d * tx * ty);
    }
  }
  return { width: w, height: h, data };
}
