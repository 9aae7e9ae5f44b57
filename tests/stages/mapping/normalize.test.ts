import { describe, expect, it } from "vitest";
import {
  isValueToken,
  normalizeLabel,
  parseNumber,
  parseNumberAs,
  toHalfWidth,
} from "../../../src/stages/mapping/normalize.js";

describe("parseNumber", () => {
  it.each([
    ["", "empty"],
    ["   ", "spaces"],
    ["\u3000", "ideographic space"],
    ["—", "em dash"],
    ["——", "double em dash"],
    ["－", "full-width hyphen"],
    ["-", "hyphen"],
    ["–", "en dash"],
    ["/", "slash"],
    ["／", "full-width slash"],
    ["无", "无"],
    ["不涉及", "not applicable"],
  ])("%j (%s) is a printed blank: 0 with blank true", (raw) => {
    expect(parseNumber(raw)).toEqual({ value: 0, blank: true });
  });

  it.each([
    ["0", 0],
    ["０", 0],
    ["7", 7],
    ["１２３", 123],
    ["1,362", 1362],
    ["１，３６２", 1362],
    ["1，362", 1362],
    ["3 119", 3119],
    ["3\u3000119", 3119],
    ["1,234,567", 1234567],
    ["12 345 678", 12345678],
    [" 42 ", 42],
    ["12.35", 12.35],
    ["１２．３５", 12.35],
    ["0.5", 0.5],
    ["+3", 3],
    ["-2", -2],
    ["12件", 12],
    ["14*", 14],
    ["0（注）", 0],
    ["3注1", 3],
    ["1,234 件", 1234],
    ["12.35万元", 12.35],
  ])("%j → %d, not blank", (raw, value) => {
    expect(parseNumber(raw)).toEqual({ value, blank: false });
  });

  it.each([["abc"], ["件"], ["三件"], ["约12"], ["1,23"], ["1 2"], ["1.2.3"], ["- 2"], ["一"], ["12%"]])(
    "%j is not a number → null",
    (raw) => {
      expect(parseNumber(raw)).toBeNull();
    },
  );
});

describe("toHalfWidth", () => {
  it.each([
    ["１２３", "123"],
    ["ＡＢＣａｂｃ", "ABCabc"],
    ["（一）", "(一)"],
    ["１，３６２", "1,362"],
    ["１２．５", "12.5"],
    ["a\u3000b", "a b"],
    ["第二十条", "第二十条"],
    ["“三安全一稳定”", "“三安全一稳定”"],
  ])("%j → %j", (text, expected) => {
    expect(toHalfWidth(text)).toBe(expected);
  });
});

describe("normalizeLabel", () => {
  it.each([
    ["一、 本年新收 政府信息公开申请数量", "一、本年新收政府信息公开申请数量"],
    ["（七） 总　计", "（七）总计"],
    ["3. 其\n他", "3.其他"],
    ["(二)部分公开", "（二）部分公开"],
    ["（二）部分公开", "（二）部分公开"],
    ["（二）部分公开(区分处理的)", "（二）部分公开（区分处理的）"],
    ["1、属于国家秘密", "1.属于国家秘密"],
    ["１．本机关不掌握相关政府信息", "1.本机关不掌握相关政府信息"],
    ["4，保护第三方合法权益", "4.保护第三方合法权益"],
    ["2,重复申请", "2.重复申请"],
    ["1.属于国家秘密", "1.属于国家秘密"],
    ["本年收费金额（单位：万元）", "本年收费金额（单位:万元）"],
    ["3.危及“三安全一稳定”", '3.危及"三安全一稳定"'],
  ])("%j → %j", (text, expected) => {
    expect(normalizeLabel(text)).toBe(expected);
  });

  it("keeps a decimal point between digits", () => {
    expect(normalizeLabel("12.5")).toBe("12.5");
  });

  it.each([
    ["1、属于国家秘密", "1.属于国家秘密"],
    ["(三)不予公开", "（三）不予公开"],
    ["（ 七 ）总计", "（七）总计"],
    ["３．危及“三安全一稳定”", "3.危及“三安全一稳定”"],
  ])("%j and %j compare equal", (a, b) => {
    expect(normalizeLabel(a)).toBe(normalizeLabel(b));
  });

  // Was a bug: straight double quotes all become ” (closing), so `"三安全一稳定"` normalises to ”三安全一稳定” while the
  // official “三安全一稳定” keeps its opening “. The doc comment promises typographic variants compare equal.
  it("straight quotes compare equal to “ ” quotes", () => {
    expect(normalizeLabel('3.危及"三安全一稳定"')).toBe(normalizeLabel("3.危及“三安全一稳定”"));
  });
});

describe("isValueToken", () => {
  it.each([
    ["12", true],
    ["０", true],
    ["１２", true],
    ["1,362", true],
    ["3 119", true],
    ["12.35", true],
    ["—", true],
    ["－", true],
    ["-", true],
    ["/", true],
    ["无", true],
    ["", false],
    ["  ", false],
    ["自然人", false],
    ["总计", false],
    ["（七）总计", false],
    ["1.属于国家秘密", false],
    ["abc", false],
  ])("%j → %s", (text, expected) => {
    expect(isValueToken(text)).toBe(expected);
  });
});

describe("parseNumberAs", () => {
  it.each([
    ["+3", "signed", 3],
    ["-2", "signed", -2],
    ["－2", "signed", -2],
    ["−2", "signed", -2],
    ["减少2", "signed", -2],
    ["增加 3", "signed", 3],
    ["减1", "signed", -1],
    ["251000元", "decimal", 25.1],
    ["251,000.50 元", "decimal", 25.10005],
    ["12.5万元", "decimal", 12.5],
    ["12.5", "decimal", 12.5],
  ] as const)("%s as %s → %d", (raw, kind, value) => {
    expect(parseNumberAs(raw, kind)).toEqual({ value, blank: false });
  });

  it("keeps blanks blank and refuses words a count cannot hold", () => {
    expect(parseNumberAs("—", "signed")).toEqual({ value: 0, blank: true });
    expect(parseNumberAs("减少", "signed")).toBeNull();
    expect(parseNumberAs("251000元", "count")).toBeNull();
  });

  it("counts signed changes and 元 amounts as values of a table row", () => {
    expect(["+3", "-2", "减少2", "增加3", "251000元"].map(isValueToken)).toEqual([true, true, true, true, true]);
    expect(["-", "本年增/减", "元"].map(isValueToken)).toEqual([true, false, false]);
  });
});
