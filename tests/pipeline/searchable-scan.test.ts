import { describe, expect, it } from "vitest";
import type { TextItem } from "../../src/model/page-content.js";
import { judgePage } from "../../src/pipeline/page-read.js";
import { readPages } from "../../src/pipeline/read-pages.js";
import { writePdf } from "../../src/stages/ingest/image-pdf.js";
import { withPdfDocument } from "../../src/stages/ingest/index.js";

/**
 * A searchable scan is a page image under an invisible text layer (text rendering mode 3): that text is another
 * tool's OCR and may carry misread digits that look printed. Such a page is read by OCR, its hidden text not trusted.
 */

/** A one-page A4 PDF: a 2×2 gray image scaled over `imageBox` (x, y, w, h in points), then `text` in mode `mode`. */
function pagePdf(imageBox: [number, number, number, number], mode: number): Uint8Array {
  const [x, y, w, h] = imageBox;
  const lines = Array.from(
    { length: 30 },
    (_, i) => `BT /F1 11 Tf ${mode} Tr 72 ${780 - i * 22} Td (Line ${i} of the report, 123 456) Tj ET`,
  );
  const content = `q ${w} 0 0 ${h} ${x} ${y} cm /Im1 Do Q\n${lines.join("\n")}`;
  return writePdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> /Font << /F1 6 0 R >> >> /Contents 5 0 R >>",
    [
      "<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /BitsPerComponent 8 /ColorSpace /DeviceGray /Length 4 >>",
      new Uint8Array([200, 210, 220, 230]),
    ],
    [`<< /Length ${content.length} >>`, new TextEncoder().encode(content)],
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ]);
}

const readFirstPage = (pdf: Uint8Array) =>
  withPdfDocument(new Uint8Array(pdf), async (doc) => {
    const { value, issues } = await readPages(doc);
    return { read: value[0], issues };
  });

describe("searchable scans", () => {
  it("sends a page image under invisible text to OCR, saying why", async () => {
    const { read, issues } = await readFirstPage(pagePdf([0, 0, 595, 842], 3));
    expect(read?.content.items.length).toBeGreaterThan(0);
    expect(read?.needsOcr).toBe(true);
    const issue = issues.find((i) => i.code === "page.needs_ocr");
    expect(issue?.message).toMatch(/searchable scan/);
  });

  it("keeps visible text over a page image (a born-digital page with a background picture)", async () => {
    const { read, issues } = await readFirstPage(pagePdf([0, 0, 595, 842], 0));
    expect(read?.needsOcr).toBe(false);
    expect(issues.some((i) => i.code === "page.needs_ocr")).toBe(false);
  });

  it("keeps invisible text when no image covers most of the page (a small logo)", async () => {
    const { read } = await readFirstPage(pagePdf([40, 760, 80, 60], 3));
    expect(read?.needsOcr).toBe(false);
  });

  it("judges by the share of invisible text and of the page the images cover", () => {
    const items: TextItem[] = Array.from({ length: 20 }, (_, i) => ({
      text: "本机关全年共收到政府信息公开申请",
      box: [72, 60 + i * 20, 300, 72 + i * 20],
      fontSize: 12,
      fontName: "SimSun",
    }));
    const base = { page: 1, width: 595, height: 842, items, segments: [], curvedFills: 0 };
    const strips: [number, number, number, number][] = [0, 1, 2, 3].map((k) => [0, k * 210.5, 595, (k + 1) * 210.5]);
    expect(judgePage({ ...base, images: strips, textShows: { all: 20, invisible: 20 } }).read.needsOcr).toBe(true);
    expect(judgePage({ ...base, images: strips, textShows: { all: 20, invisible: 10 } }).read.needsOcr).toBe(false);
    expect(
      judgePage({ ...base, images: strips.slice(0, 1), textShows: { all: 20, invisible: 20 } }).read.needsOcr,
    ).toBe(false);
    expect(judgePage({ ...base, images: strips }).read.needsOcr).toBe(false);
  });
});
