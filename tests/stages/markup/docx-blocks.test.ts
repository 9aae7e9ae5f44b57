import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { expandGrid } from "../../../src/stages/markup/doc-blocks.js";
import { docxBlocks } from "../../../src/stages/markup/docx-blocks.js";
import { readDocumentXml } from "../../../src/stages/markup/read-docx-xml.js";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (inner: string, props = "") => `<w:tc><w:tcPr>${props}</w:tcPr>${inner}</w:tc>`;

describe("docxBlocks", () => {
  it("reads body paragraphs by index and table merges (gridSpan, vMerge) as spans", () => {
    const xml = `<w:document ${W}><w:body>${p("标题")}${p("正文 &amp; 说明")}
      <w:tbl><w:tr>${tc(p("三、本年度办理结果"), '<w:vMerge w:val="restart"/>')}${tc(p("（一）予以公开"), '<w:gridSpan w:val="2"/>')}${tc(p("5"))}</w:tr>
      <w:tr>${tc(p(""), "<w:vMerge/>")}${tc(p("（三）不"), "")}${tc(`<w:p><w:r><w:t>1.属于</w:t><w:br/><w:t>国家秘密</w:t></w:r></w:p>`)}${tc(p("0"))}</w:tr></w:tbl>
      ${p("结尾")}</w:body></w:document>`;
    const blocks = docxBlocks(xml);
    expect(blocks.map((b) => (b.kind === "paragraph" ? `${b.locator}:${b.text}` : b.locator))).toEqual([
      "p[1]:标题",
      "p[2]:正文 & 说明",
      "tbl[1]",
      "p[3]:结尾",
    ]);
    const table = blocks[2];
    if (table?.kind !== "table") throw new Error("Expected a table");
    expect(table.rows[0]?.[0]).toMatchObject({ rowSpan: 2, locator: "tbl[1]/tr[1]/tc[1]" });
    expect(table.rows[0]?.[1]).toMatchObject({ colSpan: 2 });
    // The vMerge continuation cell is folded into the cell above.
    expect(table.rows[1]?.map((c) => c.lines)).toEqual([["（三）不"], ["1.属于", "国家秘密"], ["0"]]);
    const grid = expandGrid(table.rows);
    expect(grid.cells.filter((c) => c.row === 1).map((c) => c.col)).toEqual([1, 2, 3]);
  });

  it("reads a table nested in a layout table cell", () => {
    const inner = `<w:tbl><w:tr>${tc(p("规章"))}${tc(p("2"))}</w:tr></w:tbl>`;
    const xml = `<w:document ${W}><w:body><w:tbl><w:tr>${tc(`${p("说明")}${inner}`)}</w:tr></w:tbl></w:body></w:document>`;
    const blocks = docxBlocks(xml);
    expect(blocks.map((b) => b.locator)).toEqual(["tbl[1]/tr[1]/tc[1]/p[1]", "tbl[1]/tr[1]/tc[1]/tbl[1]"]);
  });

  it("finds word/document.xml in the package, and says when a ZIP has none", () => {
    const zip = zipSync({ "word/document.xml": strToU8(`<w:document ${W}><w:body>${p("x")}</w:body></w:document>`) });
    expect(readDocumentXml(zip)).toContain("<w:body>");
    expect(readDocumentXml(zipSync({ "a.txt": strToU8("a") }))).toBeNull();
  });

  it("reads the official blank template's three tables", () => {
    const bytes = readFileSync(join(import.meta.dirname, "../../../samples/source/template-2021-blank.docx"));
    const blocks = docxBlocks(readDocumentXml(bytes) ?? "");
    const tables = blocks.filter((b) => b.kind === "table");
    expect(tables.length).toBe(3);
    const s3 = tables[1];
    if (s3?.kind !== "table") throw new Error("Expected table 三");
    const grid = expandGrid(s3.rows);
    // 3 header rows + 25 data rows; 3 label columns + 7 number columns.
    expect({ rows: grid.rowCount, cols: grid.colCount }).toEqual({ rows: 28, cols: 10 });
  });
});

describe("docxBlocks on a framed narrative", () => {
  it("reads a one-cell table holding running text as paragraphs", () => {
    const long = "全年共受理政府信息公开申请12件，同意公开9件。".repeat(6);
    const xml = `<w:document ${W}><w:body><w:tbl><w:tr>${tc(`${p("标题")}${p(long)}`)}</w:tr></w:tbl></w:body></w:document>`;
    expect(docxBlocks(xml).map((b) => `${b.kind}:${b.locator}`)).toEqual([
      "paragraph:tbl[1]/tr[1]/tc[1]/p[1]",
      "paragraph:tbl[1]/tr[1]/tc[1]/p[2]",
    ]);
  });
});

describe("docxBlocks on tracked changes", () => {
  it("reads inserted text and skips deleted and moved-away text", () => {
    const xml = `<w:document ${W}><w:body><w:p><w:r><w:t>收到申请</w:t></w:r><w:del><w:r><w:delText>12</w:delText></w:r></w:del><w:ins><w:r><w:t>13</w:t></w:r></w:ins><w:moveFrom><w:r><w:t>旧</w:t></w:r></w:moveFrom><w:r><w:tab/><w:t>件</w:t></w:r></w:p></w:body></w:document>`;
    expect(docxBlocks(xml)).toEqual([{ kind: "paragraph", text: "收到申请13 件", locator: "p[1]" }]);
  });
});
