import { readFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { GrayPixels } from "../../../src/model/coded-image.js";
import { decodeCodedImage, withPdfDocument } from "../../../src/stages/ingest/index.js";
import { pdfPageImage } from "../../../src/stages/ocr/index.js";
import {
  decodeOfdImage,
  jbig2FileImage,
  openOfd,
  renderOfdPage,
  sniffImageFormat,
} from "../../../src/stages/ofd/index.js";

const FIXTURES = join(import.meta.dirname, "../../fixtures");
const parts = (file: string) => unzipSync(readFileSync(join(FIXTURES, file)));
const jbig2Ofd = parts("ofd-images/ofd-jbig2-three-line-2022.ofd");
const mixedOfd = parts("ofd-images/ofd-tiff-bmp-gif-three-line-2022.ofd");
const jp2Crop = new Uint8Array(readFileSync(join(FIXTURES, "ofd-images/page_1-crop-400x300+200+300.jp2")));
const part = (files: Record<string, Uint8Array>, name: string) => files[`Doc_0/Res/${name}`] as Uint8Array;

async function pixelsOf(bytes: Uint8Array): Promise<GrayPixels> {
  const source = await decodeOfdImage(bytes, decodeCodedImage);
  if (source.kind !== "pixels") throw new Error("Expected pixels");
  return source.pixels;
}

/** Share of pixels on the same side of mid-gray in two images of one size. */
function agreement(a: GrayPixels, b: GrayPixels): number {
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  let same = 0;
  for (let i = 0; i < a.data.length; i++) if ((a.data[i] as number) < 128 === (b.data[i] as number) < 128) same++;
  return same / a.data.length;
}

const ink = (p: GrayPixels) => p.data.reduce((n, v) => n + (v < 128 ? 1 : 0), 0);

describe("OFD image resources", () => {
  it.each([
    ["page_1.jb2", jbig2Ofd, "jbig2"],
    ["page_1.tif", mixedOfd, "tiff"],
    ["page_2.bmp", mixedOfd, "bmp"],
    ["page_3.gif", mixedOfd, "gif"],
  ] as const)("tells %s's format by its bytes", (name, files, format) => {
    expect(sniffImageFormat(part(files, name))).toBe(format);
  });

  it("tells a JPEG 2000 file by its signature box", () => {
    expect(sniffImageFormat(jp2Crop)).toBe("jpx");
  });

  it("decodes a JBIG2 file, sequential or random access, to the pixels pdf.js decodes from the PDF it came from", async () => {
    // The source PDF's first page is the same JBIG2 stream in PDF's embedded organisation (see make-ofd-images.ts).
    const pdf = new Uint8Array(readFileSync(join(FIXTURES, "scans-independent/u21-three-line-200-jbig2-arith.pdf")));
    const fromPdf = await withPdfDocument(pdf, async (doc) => (await pdfPageImage(await doc.getPage(1), 0)).image);
    const sequential = await pixelsOf(part(jbig2Ofd, "page_1.jb2"));
    expect(agreement(sequential, fromPdf)).toBe(1);
    expect(ink(sequential)).toBe(141_824); // poppler's pdfimages gives the same 141,824 black pixels
    const random = jbig2FileImage(part(jbig2Ofd, "page_2.jb2"));
    expect(random).toMatchObject({ filter: "JBIG2Decode", width: 1654, height: 2339 });
    expect(ink(await pixelsOf(part(jbig2Ofd, "page_2.jb2")))).toBeGreaterThan(50_000);
  });

  it("decodes TIFF (Group 4), BMP and GIF pages to the JBIG2 pages' pixels", async () => {
    const { imageFilePages } = await import("../../../src/stages/ocr/index.js");
    for (const [i, name] of ["page_1.tif", "page_2.bmp", "page_3.gif"].entries()) {
      const jbig2 = await pixelsOf(part(jbig2Ofd, `page_${i + 1}.jb2`));
      const source = await decodeOfdImage(part(mixedOfd, name), decodeCodedImage);
      // BMP and GIF are left to the canvas, as the OCR of a drawn page decodes them.
      const [page] = source.kind === "canvas" ? await imageFilePages(source.bytes, "png") : [];
      const pixels = source.kind === "pixels" ? source.pixels : (page?.image as GrayPixels);
      expect(agreement(pixels, jbig2), name).toBe(1);
    }
  });

  it("decodes a JPEG 2000 image with pdf.js (JPX) to its own pixels", async () => {
    const page = await pixelsOf(part(jbig2Ofd, "page_1.jb2"));
    const crop: GrayPixels = {
      width: 400,
      height: 300,
      data: Uint8Array.from(
        { length: 400 * 300 },
        (_, i) => page.data[(300 + Math.floor(i / 400)) * page.width + 200 + (i % 400)] as number,
      ),
    };
    const jp2 = await pixelsOf(jp2Crop);
    expect(agreement(jp2, crop)).toBe(1);
    expect(ink(crop)).toBeGreaterThan(1000);
  });

  it('decodes the JBIG2 picture of a real producer\'s OFD (ofdrw: Format="GBIG2", a 100 × 100 QR code)', async () => {
    const files = parts("ofd-real/ofdrw-converter_1.ofd");
    const qr = await pixelsOf(files["Doc_0/Res/image_78.jb2"] as Uint8Array);
    expect([qr.width, qr.height]).toEqual([100, 100]);
    expect(ink(qr)).toBe(4931);
    // A QR code's finder pattern at the top left: the outer ring dark, the gap inside it light, the centre dark.
    expect([qr.data[0], qr.data[4 * 100 + 8], qr.data[8 * 100 + 8]]).toEqual([0, 255, 0]);
  });

  it("says why an image cannot be decoded: an unknown format is unsupported, a JBIG2 file cut short corrupt", async () => {
    await expect(decodeOfdImage(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]), decodeCodedImage)).rejects.toMatchObject({
      errorClass: "unsupported",
      message: expect.stringMatching(/format gongkai does not read .*01 02 03/),
    });
    const cut = part(jbig2Ofd, "page_1.jb2").subarray(0, 40);
    await expect(decodeOfdImage(cut, decodeCodedImage)).rejects.toMatchObject({ errorClass: "corrupt" });
    await expect(decodeOfdImage(part(jbig2Ofd, "page_1.jb2"), null)).rejects.toMatchObject({
      errorClass: "unsupported",
    });
  });

  it("draws a page's JBIG2 picture, and names a picture it cannot draw instead of leaving it blank unsaid", async () => {
    const file = openOfd(new Uint8Array(readFileSync(join(FIXTURES, "ofd-real/ofdrw-converter_1.ofd"))));
    const page = file.page(1);
    const drawn = await renderOfdPage(file, page, 2, decodeCodedImage);
    expect(drawn.undrawn).toEqual([]);
    const blank = await renderOfdPage(file, page, 2);
    expect(blank.undrawn).toEqual([{ part: "Doc_0/Res/image_78.jb2", reason: expect.stringMatching(/JBIG2/) }]);
    // The QR code (Boundary 8.5 3.5 20 20 mm) is ink when drawn, paper when not.
    const dark = (r: typeof drawn) => {
      let n = 0;
      const [x0, y0, x1, y1] = [8.5, 3.5, 28.5, 23.5].map((mm) => Math.round((mm * 72 * 2) / 25.4));
      for (let y = y0 as number; y < (y1 as number); y++)
        for (let x = x0 as number; x < (x1 as number); x++) if ((r.data[(y * r.width + x) * 4] as number) < 128) n++;
      return n;
    };
    expect(dark(drawn)).toBeGreaterThan(1000);
    expect(dark(blank)).toBe(0);
  });
});
