import { describe, expect, it } from "vitest";
import { expandGrid } from "../../../src/stages/markup/doc-blocks.js";
import { htmlBlocks } from "../../../src/stages/markup/html-blocks.js";

describe("htmlBlocks", () => {
  it("reads paragraphs and a data table with its spans and DOM locators", () => {
    const blocks = htmlBlocks(`<html><body><p>一、总体情况</p><p>正文<br>第二行</p>
      <table><tr><td rowspan="2">三、本年度<br>办理结果</td><td colspan="2">（一）予以公开</td><td>5</td></tr>
      <tr><td>（三）不予公开</td><td>1.属于国家秘密</td><td></td></tr></table></body></html>`);
    expect(blocks.filter((b) => b.kind === "paragraph").map((b) => b.kind === "paragraph" && b.text)).toEqual([
      "一、总体情况",
      "正文",
      "第二行",
    ]);
    const table = blocks.find((b) => b.kind === "table");
    expect(table?.kind).toBe("table");
    if (table?.kind !== "table") return;
    expect(table.locator).toBe("html[1]/body[1]/table[1]");
    expect(table.rows[0]?.[0]).toEqual({
      lines: ["三、本年度", "办理结果"],
      rowSpan: 2,
      colSpan: 1,
      locator: "html[1]/body[1]/table[1]/tr[1]/td[1]",
    });
    const grid = expandGrid(table.rows);
    expect(grid.rowCount).toBe(2);
    expect(grid.colCount).toBe(4);
    // The second row's first cell starts right of the rowspan.
    expect(grid.cells.filter((c) => c.row === 1).map((c) => c.col)).toEqual([1, 2, 3]);
  });

  it("reads a data table nested in layout tables, and the navigation around it as paragraphs", () => {
    const blocks = htmlBlocks(`<html><head><title>某局2023年政府信息公开工作年度报告_某市人民政府</title></head><body>
      <table><tr><td><a>首页</a></td><td><table><tr><td><p>某局2023年政府信息公开工作年度报告</p>
      <table><tr><td>规章</td><td>1</td></tr></table></td></tr></table></td></tr></table></body></html>`);
    expect(blocks[0]).toEqual({ kind: "paragraph", text: "某局2023年政府信息公开工作年度报告", locator: "head/title" });
    const tables = blocks.filter((b) => b.kind === "table");
    expect(tables.length).toBe(1);
    expect(tables[0]?.locator).toBe("html[1]/body[1]/table[1]/tr[1]/td[2]/table[1]/tr[1]/td[1]/table[1]");
    expect(blocks.some((b) => b.kind === "paragraph" && b.text === "首页")).toBe(true);
  });

  it("puts a report title found below the navigation first when the page title is the portal's", () => {
    const blocks = htmlBlocks(`<html><head><title>某市人民政府门户网站</title></head><body><div>首页 | 政务公开</div>
      <h1>某市交通运输局2018年政府信息公开工作年度报告</h1><p>正文。</p></body></html>`);
    expect(blocks[0]).toMatchObject({ kind: "paragraph", text: "某市交通运输局2018年政府信息公开工作年度报告" });
  });

  it("skips scripts and styles, and decodes entities", () => {
    const blocks = htmlBlocks(
      "<body><script>var a = '2023年';</script><style>p{}</style><p>A&nbsp;&amp;&nbsp;B</p></body>",
    );
    expect(blocks).toEqual([{ kind: "paragraph", text: "A & B", locator: "body[1]/p[1]" }]);
  });
});

describe("htmlBlocks on Word's HTML export", () => {
  it("drops the trailing spacer row of empty cells and reads Word's nested <p><span> cells", () => {
    const blocks = htmlBlocks(`<html xmlns:o="urn:schemas-microsoft-com:office:office"><body>
      <table class=MsoNormalTable><caption>政府信息公开情况统计表</caption>
      <tr><td><p class=MsoNormal><span lang=ZH-CN>收到申请数</span><o:p></o:p></p></td><td><p class=MsoNormal align=center><span lang=EN-US>12<o:p></o:p></span></p></td></tr>
      <![if !supportMisalignedColumns]><tr height=0><td width=200 style='border:none'></td><td width=80 style='border:none'></td></tr><![endif]>
      </table></body></html>`);
    expect(blocks[0]).toMatchObject({ kind: "paragraph", text: "政府信息公开情况统计表" });
    const table = blocks[1];
    if (table?.kind !== "table") throw new Error("Expected the table after its caption");
    expect(table.rows.map((r) => r.map((c) => c.lines.join("/")))).toEqual([["收到申请数", "12"]]);
  });
});

describe("htmlBlocks on a report framed by a one-cell layout table", () => {
  it("reads the framed paragraphs as running text, not as a table cell", () => {
    const long = "全年共受理政府信息公开申请12件，同意公开9件。".repeat(6);
    const blocks = htmlBlocks(
      `<body><table><tr><td><p>某局2015年政府信息公开工作年度报告</p><p>${long}</p></td></tr></table></body>`,
    );
    expect(blocks.every((b) => b.kind === "paragraph")).toBe(true);
    expect(blocks.map((b) => b.locator)).toEqual([
      "body[1]/table[1]/tr[1]/td[1]/p[1]",
      "body[1]/table[1]/tr[1]/td[1]/p[2]",
    ]);
  });
});

describe("htmlBlocks on a data table with a long footnote row", () => {
  it("keeps it a data table", () => {
    const note = `注：${"本表数据统计口径为本机关本级，不含所属单位。".repeat(6)}`;
    const blocks = htmlBlocks(
      `<body><table><tr><td>规章</td><td>1</td></tr><tr><td colspan="2">${note}</td></tr></table></body>`,
    );
    expect(blocks.map((b) => b.kind)).toEqual(["table"]);
  });
});

describe("htmlBlocks on a flat page of 200,000 elements", () => {
  it("walks them without spreading them as arguments (a stack overflow, internal)", () => {
    const blocks = htmlBlocks(`<html><body><div>${"<p>政府信息公开</p>".repeat(200_000)}</div></body></html>`);
    expect(blocks).toHaveLength(200_000);
    expect(blocks.every((b) => b.kind === "paragraph" && b.text === "政府信息公开")).toBe(true);
  });
});
