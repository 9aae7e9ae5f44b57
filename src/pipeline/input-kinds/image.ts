import { describeError, InputError } from "../../errors.js";
import type { PageRead } from "../../model/page-content.js";
import { checkImageSize, countTiffPages } from "../../stages/ingest/index.js";
import { analysePages } from "../analyse-pages.js";
import { failedDocument } from "../document-result.js";
import { ocrImages } from "../ocr-pages.js";
import { unreadablePage } from "../page-read.js";
import type { FrontEnd } from "./input-kind.js";

/** PNG, JPEG and TIFF (every page of a multi-page TIFF): page images read by OCR, cells located by page and box. */
export function extractImage(name: "png" | "jpeg" | "tiff"): FrontEnd {
  const label = name.toUpperCase();
  return async (input, source, { maxPages, engine }) => {
    try {
      if (name === "tiff") countTiffPages(input.bytes, maxPages ?? Number.POSITIVE_INFINITY);
      else checkImageSize(input.bytes, name);
      // The OCR stage (onnxruntime, the models' code) loads only for inputs that need it.
      const { imageFilePages } = await import("../../stages/ocr/index.js");
      const images = await imageFilePages(input.bytes, name);
      if (images.length === 0) return failedDocument("corrupt", `The ${label} file holds no image`);
      const { value: read, issues } = await ocrImages(
        await engine(),
        images.map((image, i) => ({ page: i + 1, image: async () => image })),
      );
      const pages: PageRead[] = images.map(
        (image, i) => read.get(i + 1) ?? unreadablePage(i + 1, image.width, image.height),
      );
      return analysePages(source, pages, images.length, issues, new Set(read.keys()));
    } catch (error) {
      if (error instanceof InputError) return failedDocument(error.errorClass, error.message);
      return failedDocument("corrupt", `The ${label} image could not be decoded: ${describeError(error)}`);
    }
  };
}
