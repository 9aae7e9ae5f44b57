import { describe, expect, it } from "vitest";
import type { TextLine } from "../../../src/model/layout.js";
import { dropPageFurniture } from "../../../src/stages/layout/drop-page-furniture.js";

const A4 = 842;

function line(text: string, y: number, page = 1): TextLine {
  return { page, box: [250, y, 340, y + 10], items: [], text };
}

const kept = (lines: readonly TextLine[]) => lines.map((l) => l.text);

describe("dropPageFurniture", () => {
  it.each([["- 4 -"], ["-3-"], ["— 12 —"], ["－ 5 －"], ["第 3 页"], ["第3页"], ["第3页 共12页"], ["3/12"], ["7"]])(
    "drops the page number %j in the bottom margin",
    (text) => {
      expect(dropPageFurniture([[line("正文", 400), line(text, 800)]], [A4])).toEqual([[line("正文", 400)]]);
    },
  );

  it.each([["- 4 -"], ["第 3 页"], ["2"]])("drops the page number %j in the top margin", (text) => {
    expect(kept(dropPageFurniture([[line(text, 30), line("正文", 400)]], [A4])[0] ?? [])).toEqual(["正文"]);
  });

  it("keeps a bare number in the bottom band when text follows it (a wrapped row's value line)", () => {
    const lines = [
      line("（二）部分公开（区分处理的，只计", 730),
      line("3", 745),
      line("不计其他情形）", 760),
      line("- 4 -", 810),
    ];
    expect(kept(dropPageFurniture([lines], [A4])[0] ?? [])).toEqual([
      "（二）部分公开（区分处理的，只计",
      "3",
      "不计其他情形）",
    ]);
  });

  it("keeps a table's last value set right under its label line at the foot of a photographed page", () => {
    const lines = [line("行政处罚", 735), line("119", 746)];
    expect(kept(dropPageFurniture([lines], [A4])[0] ?? [])).toEqual(["行政处罚", "119"]);
    // The same number with a footer's gap above it is a page number.
    expect(kept(dropPageFurniture([[line("行政处罚", 735), line("119", 770)]], [A4])[0] ?? [])).toEqual(["行政处罚"]);
  });

  it.each([["- 4 -"], ["-3-"], ["第 3 页"], ["3"], ["12"]])("keeps %j in the middle of the page", (text) => {
    expect(kept(dropPageFurniture([[line(text, 400)]], [A4])[0] ?? [])).toEqual([text]);
  });

  it.each([["苏州市生态环境局"], ["2024年1月20日"], ["（此页无正文）"], ["第二十条"]])(
    "keeps text that is not a page number in the bottom margin: %j",
    (text) => {
      expect(kept(dropPageFurniture([[line(text, 800)]], [A4])[0] ?? [])).toEqual([text]);
    },
  );

  it("measures the margins on each page's own height", () => {
    // y = 560 is in the bottom 12 % of a landscape page (595 pt high), mid-page on A4 portrait.
    const pages = [[line("- 1 -", 560)], [line("- 2 -", 560)]];
    expect(dropPageFurniture(pages, [595, A4]).map(kept)).toEqual([[], ["- 2 -"]]);
  });

  it("drops a running head repeated at the top of three pages", () => {
    const pages = [1, 2, 3].map((p) => [line(`XX局2023年政府信息公开工作年度报告 ${p}`, 30, p), line("正文", 400, p)]);
    expect(dropPageFurniture(pages, [A4, A4, A4]).map(kept)).toEqual([["正文"], ["正文"], ["正文"]]);
  });

  it("keeps a top line seen on only two pages (a title, a section heading)", () => {
    const pages = [1, 2].map((p) => [line("XX局2023年政府信息公开工作年度报告", 30, p), line("正文", 400, p)]);
    expect(dropPageFurniture(pages, [A4, A4]).map(kept)).toEqual([
      ["XX局2023年政府信息公开工作年度报告", "正文"],
      ["XX局2023年政府信息公开工作年度报告", "正文"],
    ]);
  });

  it("keeps the pages apart and in order", () => {
    const result = dropPageFurniture(
      [[line("甲", 400), line("- 1 -", 800)], [], [line("乙", 400), line("- 3 -", 800)]],
      [A4, A4, A4],
    );
    expect(result.map(kept)).toEqual([["甲"], [], ["乙"]]);
  });
});
