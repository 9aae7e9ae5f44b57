import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { openOfd } from "../../../src/stages/ofd/index.js";
import { textObject, tinyOfd } from "../../helpers/tiny-ofd.js";

const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';
const ofdXml = (roots: readonly string[]) =>
  strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD ${NS} Version="1.0" DocType="OFD">${roots.map((r) => `<ofd:DocBody><ofd:DocRoot>${r}</ofd:DocRoot></ofd:DocBody>`).join("")}</ofd:OFD>`,
  );
const pageText = (file: ReturnType<typeof openOfd>, n: number) =>
  file
    .page(n)
    .marks.flatMap((m) => (m.kind === "text" ? m.items.map((i) => i.text) : []))
    .join("");

describe("an OFD holding several documents (DocBody)", () => {
  it("reads every document's pages in order, numbered on from one document to the next", () => {
    // Regression (issue 15 check set, ofd-twodocs-2021): a cover letter, then the report as a second document;
    // only the first DocBody was read, so the report was `not_a_report`.
    const file = openOfd(
      new Uint8Array(readFileSync(join(import.meta.dirname, "../../fixtures/formats-check/ofd-twodocs-2021.ofd"))),
    );
    expect(file.pageCount).toBe(4);
    expect(pageText(file, 1)).toContain("关于报送政府信息公开工作年度报告的函");
    expect(pageText(file, 2)).toContain("西安市雁塔区市场监督管理局2021年政府信息公开工作年度");
    expect([1, 2, 3, 4].map((n) => file.page(n).page)).toEqual([1, 2, 3, 4]);
    expect(file.notes).toContain("the OFD holds 2 documents (DocBody); their pages are read in order, as one");
  });

  it("reads a document named twice once, and leaves out a later DocBody whose document is missing, with notes", () => {
    const one = tinyOfd([{ layers: textObject("正文", 20, 30) }], "", {
      "OFD.xml": ofdXml(["Doc_0/Document.xml", "/Doc_0/Document.xml", "Doc_9/Document.xml"]),
    });
    const file = openOfd(one);
    expect(file.pageCount).toBe(1);
    expect(file.notes).toEqual([
      "document 2 (DocBody) left out: it names Doc_0/Document.xml again",
      expect.stringMatching(/^document 3 \(DocBody\) left out: /),
    ]);
  });

  it("counts every document's pages against the page limit", () => {
    const bytes = new Uint8Array(
      readFileSync(join(import.meta.dirname, "../../fixtures/formats-check/ofd-twodocs-2021.ofd")),
    );
    expect(openOfd(bytes, { maxPages: 4 }).pageCount).toBe(4);
    expect(() => openOfd(bytes, { maxPages: 3 })).toThrow(/4 pages, more than the limit of 3/);
  });
});
