import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type Canvas, createCanvas, ImageData, loadImage } from "@napi-rs/canvas";
import UTIF from "utif2";
import { imageFileFrame, toGray } from "../../stages/ocr/index.js";
import { type PageImage, releaseCanvas } from "./render-pages.js";
import { shrinkPicture } from "./shrink-picture.js";

/**
 * Renders the pages of a PNG, JPEG or TIFF input to `<outDir>/p<n>.png`, in the frame the OCR stage gave its
 * cells' boxes (`imageFileFrame`: the image's width taken as A4's in points), so the boxes fall where they were
 * read. Gray, as OCR saw it (`toGray`, red seals faded). Memory: one decoded page at a time, drawn straight
 * into the small review-size canvas (a TIFF page scaled from utif2's pixels, with no full-size canvas); the gray
 * conversion runs on that canvas, never on the full-size pixels (a 300 dpi A4 page is 35 MB as RGBA; the review
 * image at scale 1.5 is 4.5 MB).
 */
export async function renderImagePages(
  bytes: Uint8Array,
  kind: "png" | "jpeg" | "tiff",
  outDir: string,
  scale: number,
  /** The number of the file's first page (a web page's pictures are pages 1…k, one file each). */
  firstPage = 1,
): Promise<PageImage[]> {
  await mkdir(outDir, { recursive: true });
  const pages: PageImage[] = [];
  const write = async (page: Canvas, size: { width: number; height: number }) => {
    const number = firstPage + pages.length;
    const name = `p${number}.png`;
    await writeFile(join(outDir, name), await page.encode("png"));
    releaseCanvas(page);
    pages.push({ page: number, width: round2(size.width), height: round2(size.height), image: name });
  };
  if (kind === "tiff") {
    // @napi-rs/canvas does not decode TIFF: utif2 decodes one page at a time to RGBA.
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    for (const ifd of UTIF.decode(buffer).filter((entry) => entry.t256 !== undefined)) {
      UTIF.decodeImage(buffer, ifd);
      const picture = { width: ifd.width, height: ifd.height, kind: 3, data: UTIF.toRGBA8(ifd) } as const;
      // The decoded page is dropped before the next one is decoded.
      ifd.data = new Uint8Array(0);
      const frame = imageFileFrame(ifd.width, ifd.height);
      // Scaled from the decoded pixels straight to the review size: no canvas the size of the page.
      const canvas = createCanvas(Math.ceil(frame.width * scale), Math.ceil(frame.height * scale));
      const pixels = new Uint8ClampedArray(canvas.width * canvas.height * 4).fill(255);
      shrinkPicture(picture, pixels, canvas.width, canvas.height, { x: 0, y: 0, ...canvasSize(canvas) });
      canvas.getContext("2d").putImageData(new ImageData(pixels, canvas.width, canvas.height), 0, 0);
      await write(toGrayCanvas(canvas), frame);
    }
    return pages;
  }
  const decoded = await loadImage(Buffer.from(bytes));
  const frame = imageFileFrame(decoded.width, decoded.height);
  await write(drawGray(decoded, frame, scale), frame);
  return pages;
}

/** `source` scaled onto white at `scale` pixels per point of `frame`, then turned gray. */
function drawGray(
  source: Parameters<ReturnType<Canvas["getContext"]>["drawImage"]>[0],
  frame: { width: number; height: number },
  scale: number,
): Canvas {
  const canvas = createCanvas(Math.ceil(frame.width * scale), Math.ceil(frame.height * scale));
  const context = canvas.getContext("2d");
  context.fillStyle = "#fff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
  return toGrayCanvas(canvas);
}

/** `canvas` turned gray in place, as OCR saw its page (`toGray`: red seals faded). */
function toGrayCanvas(canvas: Canvas): Canvas {
  const context = canvas.getContext("2d");
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
  const gray = toGray(canvas.width, canvas.height, pixels.data, 4).data;
  for (let i = 0, p = 0; i < gray.length; i++, p += 4) {
    const v = gray[i] as number;
    pixels.data[p] = v;
    pixels.data[p + 1] = v;
    pixels.data[p + 2] = v;
  }
  context.putImageData(pixels, 0, 0);
  return canvas;
}

function canvasSize(canvas: Canvas): { width: number; height: number } {
  return { width: canvas.width, height: canvas.height };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
