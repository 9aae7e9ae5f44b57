import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { createWorker, OEM, PSM, type Worker } from "tesseract.js";
import { loadPaddleModels, type PaddleModels, releasePaddleModels } from "./paddle-models.js";
import { encodePgm, type GrayImage } from "./raster.js";

/** The language models: `digits` reads numeric cells (eng, digit whitelist), `text` reads Chinese. */
export type OcrKind = "digits" | "text";

/** A recognised word: its text, box in the pixels of the image passed in, and confidence 0–1. */
export interface OcrWord {
  readonly text: string;
  readonly box: readonly [number, number, number, number];
  readonly confidence: number;
}

export interface OcrResult {
  readonly text: string;
  readonly confidence: number;
  readonly words: readonly OcrWord[];
}

export interface OcrEngineOptions {
  /** Workers per language model; default: the number of cores. */
  readonly workers?: number;
  /** A worker is replaced after this many recognitions (memory grows on reused workers, tesseract.js#977). */
  readonly recycleAfter?: number;
}

/** Characters the digit model may return: a count, a fee, a printed blank. */
const DIGIT_WHITELIST = "0123456789,.";

interface Slot {
  worker: Promise<Worker> | null;
  uses: number;
  busy: boolean;
}

/**
 * A pool of tesseract.js workers, created lazily and owned by whoever runs a batch (it must call
 * `terminate()` in `finally`). Language data comes from the `@tesseract.js-data/*` packages in
 * node_modules (gzip-compressed traineddata, LSTM `best_int` models); nothing is downloaded.
 */
export class OcrEngine {
  private readonly size: number;
  private readonly recycleAfter: number;
  private readonly pools: Record<OcrKind, Slot[]>;
  private readonly waiting: Record<OcrKind, (() => void)[]> = { digits: [], text: [] };
  private closed = false;
  private models: Promise<PaddleModels> | null = null;
  /** Recognitions run so far (for the bench and tests). */
  recognitions = 0;

  constructor(options: OcrEngineOptions = {}) {
    this.size = Math.max(1, options.workers ?? availableParallelism());
    this.recycleAfter = options.recycleAfter ?? 3000;
    const slots = () => Array.from({ length: this.size }, (): Slot => ({ worker: null, uses: 0, busy: false }));
    this.pools = { digits: slots(), text: slots() };
  }

  /** Reads `image` as one line of digits (a table's numeric cell). */
  recognizeDigits(image: GrayImage): Promise<OcrResult> {
    return this.run("digits", image, PSM.SINGLE_LINE);
  }

  /** Reads `image` as Chinese text (labels, narrative lines) laid out as a block, one line or one character. */
  recognizeText(image: GrayImage, layout: "block" | "line" | "char" = "block"): Promise<OcrResult> {
    const psm = layout === "line" ? PSM.SINGLE_LINE : layout === "char" ? PSM.SINGLE_CHAR : PSM.SINGLE_BLOCK;
    return this.run("text", image, psm);
  }

  /** The PP-OCRv4 models (detector, recogniser, direction classifier), loaded on first use. */
  paddle(): Promise<PaddleModels> {
    if (this.closed) return Promise.reject(new Error("The OCR engine was terminated"));
    this.models ??= loadPaddleModels();
    return this.models;
  }

  async terminate(): Promise<void> {
    this.closed = true;
    const models = this.models;
    this.models = null;
    if (models) await releasePaddleModels(await models).catch(() => undefined);
    const all = [...this.pools.digits, ...this.pools.text];
    await Promise.all(
      all.map(async (slot) => {
        const worker = slot.worker;
        slot.worker = null;
        if (worker) await (await worker).terminate();
      }),
    );
  }

  private async run(kind: OcrKind, image: GrayImage, psm: PSM): Promise<OcrResult> {
    const slot = await this.acquire(kind);
    try {
      if (slot.worker && slot.uses >= this.recycleAfter) {
        const old = slot.worker;
        slot.worker = null;
        await (await old).terminate();
      }
      if (!slot.worker) {
        slot.worker = this.create(kind);
        slot.uses = 0;
      }
      const worker = await slot.worker;
      slot.uses++;
      this.recognitions++;
      const { data } = await worker.recognize(
        Buffer.from(encodePgm(image)),
        { tessedit_pageseg_mode: psm } as Record<string, unknown>,
        { text: true, blocks: true },
      );
      const words: OcrWord[] = [];
      for (const block of data.blocks ?? []) {
        for (const paragraph of block.paragraphs) {
          for (const line of paragraph.lines) {
            for (const word of line.words) {
              if (word.text.trim() === "") continue;
              words.push({
                text: word.text,
                box: [word.bbox.x0, word.bbox.y0, word.bbox.x1, word.bbox.y1],
                confidence: word.confidence / 100,
              });
            }
          }
        }
      }
      return { text: data.text.trim(), confidence: data.confidence / 100, words };
    } finally {
      this.release(kind, slot);
    }
  }

  private create(kind: OcrKind): Promise<Worker> {
    const lang = kind === "digits" ? "eng" : "chi_sim";
    const worker = createWorker(lang, OEM.LSTM_ONLY, {
      langPath: languageDir(lang),
      gzip: true,
      cacheMethod: "none",
    }).then(async (w) => {
      // Leptonica/tesseract diagnostics ("Image too small to scale!!" on a tiny crop) go to tesseract's debug
      // file instead of the console, where they would reach the user's terminal and the test log.
      await w.setParameters({ debug_file: "/dev/null" } as Record<string, unknown>);
      if (kind === "digits") await w.setParameters({ tessedit_char_whitelist: DIGIT_WHITELIST });
      else await w.setParameters({ preserve_interword_spaces: "0" });
      return w;
    });
    // A failed start must not leave a rejected promise in the slot.
    worker.catch(() => undefined);
    return worker;
  }

  private async acquire(kind: OcrKind): Promise<Slot> {
    if (this.closed) throw new Error("The OCR engine was terminated");
    for (;;) {
      const free = this.pools[kind].find((s) => !s.busy);
      if (free) {
        free.busy = true;
        return free;
      }
      await new Promise<void>((resolve) => this.waiting[kind].push(resolve));
    }
  }

  private release(kind: OcrKind, slot: Slot): void {
    slot.busy = false;
    this.waiting[kind].shift()?.();
  }
}

const require = createRequire(import.meta.url);

/** Where `@tesseract.js-data/<lang>` keeps its LSTM-only (`best_int`) gzip-compressed traineddata. */
export function languageDir(lang: "eng" | "chi_sim"): string {
  return join(dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)), "4.0.0_best_int");
}
