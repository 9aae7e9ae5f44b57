import { describe, expect, it } from "vitest";
import { findSections } from "../../../src/stages/mapping/find-sections.js";
import { lineRecord, ruledRecord } from "./record-builder.js";

/** A report's records as lines of text (table rows as ruled rows); `table` marks the ruled ones. */
function records(lines: readonly string[]) {
  return lines.map((text, i) =>
    text.startsWith("|") ? ruledRecord(text.slice(1), [], { y: 20 * i }) : lineRecord(text, [], { y: 20 * i }),
  );
}

const REPORT = [
  "XX局2023年政府信息公开工作年度报告", // 0
  "一、总体情况", // 1
  "二、主动公开政府信息情况", // 2
  "|第二十条第（一）项", // 3
  "|信息内容 本年制发件数 本年废止件数 现行有效件数", // 4
  "|规章", // 5
  "三、收到和处理政府信息公开申请情况", // 6
  "|（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 申请人情况", // 7
  "|自然人 法人或其他组织 总计", // 8
  "|一、本年新收政府信息公开申请数量", // 9
  "四、政府信息公开行政复议、行政诉讼情况", // 10
  "|行政复议 行政诉讼", // 11
  "|结果维持 结果纠正 其他结果 尚未审结 总计", // 12
  "|0 0 0", // 13
  "五、存在的主要问题及改进情况", // 14
  "六、其他需要报告的事项", // 15
];

describe("findSections", () => {
  it("locates the three tables of a complete report", () => {
    // Section 二's table starts at its 第二十条 caption, not at the heading (a report's own tables may come between).
    expect(findSections(records(REPORT))).toEqual({ s2: [3, 6], s3: [7, 10], s4: [10, 14] });
  });

  it.each([
    ["四、因政府信息公开工作被申请行政复议、提起行政诉讼情况", 10],
    ["四、政府信息公开 行政复议、行政诉讼情况", 10],
  ])("recognises the section 四 heading %j", (heading, start) => {
    const lines = REPORT.map((line, i) => (i === 10 ? heading : line));
    expect(findSections(records(lines)).s4).toEqual([start, 14]);
  });

  it.each([["五、政府信息公开工作存在的主要问题及改进情况"], ["五、存在主要问题及改进情况"], ["五、其他"]])(
    "ends section 四 at the heading %j",
    (heading) => {
      const lines = REPORT.map((line, i) => (i === 14 ? heading : line));
      expect(findSections(records(lines)).s4).toEqual([10, 14]);
    },
  );

  it("starts section 三 at its heading when the header words are missing", () => {
    const lines = REPORT.filter((_, i) => i !== 7 && i !== 8);
    expect(findSections(records(lines)).s3).toEqual([6, 8]);
  });

  it("starts section 四 at its header words when the heading is missing", () => {
    // Without the heading, the table starts at the row of 结果维持 …; the 行政复议 / 行政诉讼 row above it names
    // no marker word and stays with section 三 (it has no values).
    const lines = REPORT.filter((_, i) => i !== 10);
    const spans = findSections(records(lines));
    expect(spans.s4).toEqual([11, 13]);
    expect(spans.s3).toEqual([7, 11]);
  });

  it("starts section 二 at a bare 第二十条 caption when the heading is missing", () => {
    const lines = REPORT.filter((_, i) => i !== 2);
    expect(findSections(records(lines)).s2).toEqual([2, 5]);
  });

  it("starts section 二 at its header words when the heading and caption are missing", () => {
    const lines = REPORT.filter((_, i) => i !== 2 && i !== 3);
    expect(findSections(records(lines)).s2).toEqual([2, 4]);
  });

  it("runs the last table found to the end of the document", () => {
    const lines = REPORT.slice(0, 10);
    expect(findSections(records(lines))).toEqual({ s2: [3, 6], s3: [7, 10], s4: [-1, -1] });
  });

  it("skips a table of contents listing the headings with page numbers", () => {
    const toc = [
      "目录",
      "一、总体情况……………1",
      "二、主动公开政府信息情况……………2",
      "三、收到和处理政府信息公开申请情况 3",
    ];
    const lines = [REPORT[0] as string, ...toc, ...REPORT.slice(1)];
    expect(findSections(records(lines))).toEqual({ s2: [7, 10], s3: [11, 14], s4: [14, 18] });
  });

  it("starts section 二 at the 第二十条 table, after a report's own table of 主动公开 by category", () => {
    const own = ["|类别 条数", "|规范性文件 12", "|行政许可信息 3045"];
    const lines = [...REPORT.slice(0, 3), ...own, ...REPORT.slice(3)];
    expect(findSections(records(lines)).s2).toEqual([6, 9]);
  });

  it("starts section 二 at its heading when the 第二十条 words are missing", () => {
    const lines = REPORT.map((line, i) => (i === 3 || i === 4 ? "|…" : line));
    expect(findSections(records(lines)).s2).toEqual([2, 6]);
  });

  it("finds nothing in a document without the tables", () => {
    expect(findSections(records(["Staff canteen menu", "Monday: noodle soup"]))).toEqual({
      s2: [-1, -1],
      s3: [-1, -1],
      s4: [-1, -1],
    });
  });

  it("does not start section 四 before section 三", () => {
    // 行政复议 words in the 总体情况 narrative come before the section 三 table.
    const lines = ["一、总体情况", "本年度未发生行政复议、行政诉讼情况。", ...REPORT.slice(2)];
    expect(findSections(records(lines)).s4).toEqual([10, 14]);
  });
});
