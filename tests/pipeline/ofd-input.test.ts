import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadImage } from "@napi-rs/canvas";
import { strToU8, unzipSync, zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { findOfdNarrativeMarks } from "../../src/outputs/review/narrative-marks.js";
import { renderOfdPages } from "../../src/outputs/review/render-ofd-pages.js";
import type { ReviewFlag } from "../../src/outputs/review/review-model.js";
import { collectInputs } from "../../src/pipeline/collect-inputs.js";
import { extractDocument } from "../../src/pipeline/extract-document.js";
import { describeInputKinds, findInputKind } from "../../src/pipeline/input-kinds/index.js";
import { detectKind, readInput } from "../../src/stages/ingest/index.js";

/** OFD as an input kind: sniffing, the folder walk, document-level outcomes, and the review page's images. */
const ROOT = join(import.meta.dirname, "../..");
const PLAIN = join(ROOT, "samples/ofd/ofd-plain-arith-errors-2023.ofd");
const dir = mkdtempSync(join(tmpdir(), "gongkai-ofd-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const plainParts = () => unzipSync(new Uint8Array(readFileSync(PLAIN)));
const write = (name: string, bytes: Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

describe("OFD as an input kind", () => {
  it("is sniffed from the ZIP's directory: OFD.xml at the root, or a Doc_N/Document.xml that lost it", () => {
    const parts = plainParts();
    expect(detectKind(zipSync(parts))).toBe("ofd");
    const { "OFD.xml": _, ...noEntry } = parts;
    expect(detectKind(zipSync(noEntry))).toBe("ofd");
    expect(detectKind(zipSync({ "Doc_0/OFD.xml.bak": strToU8("x"), "a/Document.xml": strToU8("x") }))).toBe("zip");
    expect(detectKind(zipSync({ "word/document.xml": strToU8("x"), "OFD.xml": strToU8("x") }))).toBe("docx");
  });

  it("is registered: read by the OFD kind, named in the unsupported message", async () => {
    const input = await readInput(PLAIN);
    expect(findInputKind(input)?.name).toBe("ofd");
    expect(describeInputKinds()).toContain("OFD");
  });

  it("is collected from folders as .ofd in any case", async () => {
    const folder = join(dir, "walk");
    mkdirSync(join(folder, "苏州市"), { recursive: true });
    for (const name of ["2023年报.ofd", "苏州市/2022年报.OFD", "notes.xml"]) writeFileSync(join(folder, name), "x");
    const planned = await collectInputs([folder]);
    expect(planned.map((p) => p.outRelative).sort()).toEqual(["2023年报.json", "苏州市/2022年报.json"]);
  });

  it("fails as too_large past --max-pages before a page is read", async () => {
    const { output, errorClass } = await extractDocument(PLAIN, { maxPages: 2 });
    expect(errorClass).toBe("too_large");
    expect(output.issues[0]?.message).toBe("The OFD has 4 pages, more than the limit of 2 (--max-pages)");
  });

  it("reads the rest of a report whose one page part is damaged, and says which page was lost", async () => {
    const parts = plainParts();
    parts["Doc_0/Pages/Page_3/Content.xml"] = strToU8("<ofd:Pag");
    const { output, errorClass } = await extractDocument(write("damaged-page.ofd", zipSync(parts)));
    expect(errorClass).toBeNull();
    expect(output.status).toBe("partial_success");
    expect(output.issues).toContainEqual(expect.objectContaining({ code: "page.unreadable", page: 4 }));
    expect(output.report.agency).toBe("兰州市城关区人民政府");
    // Table 三 is on page 3, section 四 on page 4.
    expect(output.cells["s3.new_received.total"]?.value).toBe(73);
    expect(output.cells["s4.review.total"]?.value ?? null).toBeNull();
  });

  it("draws a JBIG2 scan for OCR beside a picture it cannot decode, and names that picture in page.image_unread", async () => {
    // Page 1 of the JBIG2 scan (three-line-2022: section 二's tables), with a small picture in no format gongkai
    // reads over its top-left corner: two pictures, so the page is drawn rather than read from its one image.
    const parts = unzipSync(
      new Uint8Array(readFileSync(join(ROOT, "tests/fixtures/ofd-images/ofd-jbig2-three-line-2022.ofd"))),
    );
    const text = (name: string) => new TextDecoder().decode(parts[name]);
    parts["Doc_0/Document.xml"] = strToU8(text("Doc_0/Document.xml").replace(/<ofd:Page ID="1[12]"[^>]*\/>/g, ""));
    parts["Doc_0/DocumentRes.xml"] = strToU8(
      text("Doc_0/DocumentRes.xml").replace(
        "</ofd:MultiMedias>",
        '<ofd:MultiMedia ID="60" Type="Image" Format="AVS"><ofd:MediaFile>logo.avs</ofd:MediaFile></ofd:MultiMedia></ofd:MultiMedias>',
      ),
    );
    parts["Doc_0/Res/logo.avs"] = Uint8Array.from({ length: 64 }, (_, i) => (i * 37) & 0xff);
    parts["Doc_0/Pages/Page_0/Content.xml"] = strToU8(
      text("Doc_0/Pages/Page_0/Content.xml").replace(
        "</ofd:Layer>",
        '<ofd:ImageObject ID="99" Boundary="2 2 8 8" CTM="8 0 0 8 0 0" ResourceID="60"/></ofd:Layer>',
      ),
    );
    const { output } = await extractDocument(write("jbig2-and-unknown.ofd", zipSync(parts)));
    expect(output.pages.map((p) => p.method)).toEqual(["ocr"]);
    expect(output.issues).toContainEqual(
      expect.objectContaining({
        code: "page.image_unread",
        page: 1,
        message: expect.stringContaining("Doc_0/Res/logo.avs"),
      }),
    );
    // Read from the drawn JBIG2 picture: section 二 (its first tables, on page 1) as the truth says.
    const truth = JSON.parse(
      readFileSync(join(ROOT, "tests/fixtures/ofd-images/ofd-jbig2-three-line-2022.truth.json"), "utf8"),
    );
    for (const path of ["s2.normative_docs.made", "s2.normative_docs.valid", "s2.admin_license.decisions"]) {
      const [section, row, column] = path.split(".") as [string, string, string];
      expect(output.cells[path]?.value, path).toBe(truth.values[section][row][column]);
    }
  });
});

describe("OFD on the review page", () => {
  it("draws every page at the scale asked, in the frame of the cells' boxes (points)", async () => {
    const pages = await renderOfdPages(new Uint8Array(readFileSync(PLAIN)), join(dir, "pages"), 1.5);
    expect(pages.map((p) => [p.page, p.width, p.height, p.image])).toEqual([
      [1, 595.3, 841.89, "p1.png"],
      [2, 595.3, 841.89, "p2.png"],
      [3, 595.3, 841.89, "p3.png"],
      [4, 595.3, 841.89, "p4.png"],
    ]);
    const image = await loadImage(readFileSync(join(dir, "pages", "p1.png")));
    // 210.01 × 297 mm at 1.5 pixels a point.
    expect([image.width, image.height]).toEqual([893, 1263]);
    expect(statSync(join(dir, "pages", "p3.png")).size).toBeGreaterThan(10_000);
  });

  it("finds the sentence a narrative flag quotes in the OFD's text", async () => {
    const flag = {
      message: { en: 'The narrative on page 1 says 30 ("国办公开办函〔2021〕30号")', zh: "" },
    } as unknown as ReviewFlag;
    const marks = await findOfdNarrativeMarks(new Uint8Array(readFileSync(PLAIN)), [flag]);
    expect(marks).toHaveLength(1);
    expect(marks[0]?.page).toBe(1);
    const [x0, y0, x1, y1] = marks[0]?.bbox ?? [];
    expect((x1 ?? 0) - (x0 ?? 0)).toBeGreaterThan(50);
    expect((y1 ?? 0) - (y0 ?? 0)).toBeLessThan(30);
  });
});
