import { describe, expect, it } from "vitest";
import { completeAnchors, findAnchors } from "../../../src/stages/mapping/find-anchors.js";
import type { ValueSlot } from "../../../src/stages/mapping/row-record.js";
import { textItem } from "./record-builder.js";

/** Header words of the seven section 三 columns, as the mapper asks for them. */
const S3_WORDS = [
  ["自然人", "自然"],
  ["商业企业", "商业"],
  ["科研机构", "科研"],
  ["社会公益组织", "社会"],
  ["法律服务机构", "法律服务"],
  ["=其他", "=其"],
  ["总计", "合计", "=总"],
];

const header = [
  textItem("申请人情况", 300, 50, 350),
  textItem("自然人", 100, 70, 130),
  textItem("法人或其他组织", 200, 70, 270),
  textItem("总计", 420, 70, 440),
  textItem("商业", 150, 90, 170),
  textItem("科研", 200, 90, 220),
  textItem("社会公", 250, 90, 280),
  textItem("法律服务", 300, 90, 340),
  textItem("其他", 360, 90, 380),
  textItem("企业", 150, 102, 170),
  textItem("机构", 200, 102, 220),
  textItem("益组织", 250, 102, 280),
  textItem("机构", 300, 102, 320),
];

const xs = (anchors: readonly ({ x: number } | null)[]) => anchors.map((a) => (a ? Math.round(a.x) : null));

describe("findAnchors", () => {
  it("finds the seven section 三 columns from a header with words broken over lines", () => {
    expect(xs(findAnchors(header, S3_WORDS))).toEqual([115, 160, 210, 265, 320, 370, 430]);
  });

  it("gives the edges of the whole word a match sits in", () => {
    expect(findAnchors([textItem("本年制发件数", 100, 50, 160)], [["制发"]])).toEqual([
      { x: 130, left: 100, right: 160 },
    ]);
  });

  it("does not take the 其他 inside 法人或其他组织 for the 其他 column", () => {
    const found = findAnchors(
      header.filter((item) => item.text !== "其他"),
      S3_WORDS,
    );
    expect(found[5]).toBeNull();
    expect(xs(found).filter((x) => x !== null)).toHaveLength(6);
  });

  it("finds a word printed one character per line (其 / 他, 总 / 计)", () => {
    const vertical = [textItem("其", 360, 90, 370), textItem("他", 360, 102, 370), textItem("总", 420, 90, 430)];
    expect(
      xs(
        findAnchors(vertical, [
          ["=其他", "=其"],
          ["总计", "=总"],
        ]),
      ),
    ).toEqual([365, 425]);
  });

  it("takes the leftmost spelling after the previous column, not the first spelling anywhere", () => {
    const items = [textItem("总", 200, 90, 210), textItem("总计", 560, 90, 580)];
    expect(
      xs(
        findAnchors(items, [
          ["总计", "=总"],
          ["总计", "=总"],
        ]),
      ),
    ).toEqual([205, 570]);
  });

  it("leaves a column whose word was misread unfound rather than take the next group's same word", () => {
    // 复议 group's 总计 read as 总让: the 总计 of the litigation group further right must not be taken for it.
    const items = [
      textItem("维持", 100, 90, 120),
      textItem("总让", 140, 90, 160),
      textItem("维持", 180, 90, 200),
      textItem("总计", 220, 90, 240),
    ];
    const words = [["维持"], ["总计", "=总"], ["维持"], ["总计", "=总"]];
    expect(xs(findAnchors(items, words))).toEqual([110, null, 190, 230]);
  });

  it("does not take a lone character under the previous column's word as the next column's", () => {
    // 尚未审 / 结: the lone 结 on the second line belongs to its word, not to the next column 结果维持.
    const items = [textItem("尚未审", 100, 90, 130), textItem("结", 121, 102, 130), textItem("结果维", 150, 90, 180)];
    expect(
      xs(
        findAnchors(items, [
          ["尚未审结", "尚未"],
          ["结果维持", "结果", "=结"],
        ]),
      ),
    ).toEqual([115, 165]);
  });

  it("reads a word justified into runs with small gaps (法 / 律服 / 务)", () => {
    const runs = [textItem("法", 300, 90, 310), textItem("律服", 312, 90, 332), textItem("务", 334, 90, 344)];
    expect(xs(findAnchors(runs, [["法律服务"]]))).toEqual([322]);
  });

  it("does not spell a word from characters far apart", () => {
    const apart = [textItem("法", 300, 90, 310), textItem("律服", 360, 90, 380), textItem("务", 400, 90, 410)];
    expect(findAnchors(apart, [["法律服务"]])).toEqual([null]);
  });
});

describe("completeAnchors", () => {
  const at = (x: number) => ({ x, left: x - 10, right: x + 10 });
  const value = (x: number): ValueSlot => ({ raw: "1", box: [x - 3, 100, x + 3, 110], page: 1 });

  it("keeps a complete header as it is", () => {
    const anchors = [at(100), at(140), at(180)];
    expect(completeAnchors(anchors, [])).toEqual(anchors);
  });

  it("places missing columns at the header's spacing and moves them onto the values printed there", () => {
    const completed = completeAnchors([at(100), at(140), null, null], [value(183), value(221)]);
    expect(xs(completed ?? [])).toEqual([100, 140, 183, 221]);
  });

  it("takes the value columns when no header word was found and they number exactly the columns", () => {
    expect(xs(completeAnchors([null, null, null], [value(100), value(150), value(200), value(151)]) ?? [])).toEqual([
      100, 151, 200,
    ]);
  });

  it("gives up without header words when the values do not fill every column", () => {
    expect(completeAnchors([null, null, null], [value(100), value(150)])).toBeNull();
  });
});
