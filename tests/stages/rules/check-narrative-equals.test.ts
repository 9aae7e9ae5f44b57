import { describe, expect, it } from "vitest";
import { checkNarrativeEquals } from "../../../src/stages/rules/check-narrative-equals.js";
import { buildNarrativeText } from "../../../src/stages/rules/narrative-text.js";
import { buildRuleInput, CLEAN_NARRATIVE, CLEAN_VALUES, findRule, type InputOptions } from "./rule-input-builder.js";

const ids = [
  "text.new_received",
  "text.processed",
  "text.carried_over",
  "text.carried_forward",
  "text.review",
  "text.litigation",
] as const;

/** The narrative value each text.* rule reads from `lines` when the table disagrees with everything. */
function readStated(id: (typeof ids)[number], lines: readonly string[], values: InputOptions["values"] = {}) {
  const input = buildRuleInput({ values: { ...values }, narrative: lines });
  const flags = checkNarrativeEquals(findRule(id, "narrative_equals"), input, buildNarrativeText(input.narrative));
  return flags.map((f) => ({ path: f.path, expected: f.expected, actual: f.actual }));
}

const SENTENCE = "2023年，本机关共收到政府信息公开申请36件，其中上年结转2件，办结34件，结转下年度继续办理4件。";

describe("checkNarrativeEquals", () => {
  it.each(ids)("%s: no flag when the narrative agrees with the table", (id) => {
    expect(readStated(id, CLEAN_NARRATIVE, CLEAN_VALUES)).toEqual([]);
  });

  it.each([
    { id: "text.new_received", path: "s3.new_received.total", actual: 36 },
    { id: "text.carried_over", path: "s3.carried_over.total", actual: 2 },
    { id: "text.processed", path: "s3.total_processed.total", actual: 34 },
    { id: "text.carried_forward", path: "s3.carried_forward.total", actual: 4 },
  ] as const)("$id binds its own clause's number ($actual), not a neighbour's or the date", ({ id, path, actual }) => {
    expect(readStated(id, [SENTENCE])).toEqual([{ path, expected: 0, actual }]);
  });

  it.each([
    { id: "text.review", line: "本机关被申请行政复议3件，被提起行政诉讼1起。", actual: 3 },
    { id: "text.litigation", line: "本机关被申请行政复议3件，被提起行政诉讼1起。", actual: 1 },
    { id: "text.review", line: "全年发生行政复议案件两起。", actual: 2 },
    { id: "text.processed", line: "共答复申请十二件。", actual: 12 },
    { id: "text.new_received", line: "全年共收到依申请公开 5 件。", actual: 5 },
    { id: "text.carried_forward", line: "另有3件结转至下一年度继续办理。", actual: 3 },
  ] as const)("$id reads $actual from “$line”", ({ id, line, actual }) => {
    expect(readStated(id, [line]).map((f) => f.actual)).toEqual([actual]);
  });

  it("text.litigation compares with both suit groups", () => {
    const values = { "s4.suit_direct.total": 1, "s4.suit_after_review.total": 2 };
    expect(readStated("text.litigation", ["被提起行政诉讼3件。"], values)).toEqual([]);
    expect(readStated("text.litigation", ["被提起行政诉讼1件。"], values)).toEqual([
      { path: "s4.suit_direct.total", expected: 3, actual: 1 },
    ]);
  });

  it.each([
    { id: "text.review", line: "2023年，本机关未发生因政府信息公开引起的行政复议、行政诉讼案件。" },
    { id: "text.litigation", line: "2023年，本机关未发生因政府信息公开引起的行政复议、行政诉讼案件。" },
    { id: "text.new_received", line: "本年度没有收到政府信息公开申请。" },
  ] as const)("$id reads a stated zero", ({ id, line }) => {
    expect(
      readStated(id, [line], { "s4.review.total": 1, "s4.suit_direct.total": 1, "s3.new_received.total": 1 }),
    ).toEqual([{ path: expect.any(String) as unknown, expected: 1, actual: 0 }]);
  });

  it.each([
    { name: "a date", id: "text.new_received", line: "2023年1月1日至12月31日共收到申请情况见下表。" },
    { name: "发布信息206条", id: "text.new_received", line: "发布信息206条，收到申请情况见下表。" },
    { name: "a licence count", id: "text.new_received", line: "全年受理行政许可申请3000件。" },
    { name: "a review application", id: "text.new_received", line: "收到行政复议申请3件。" },
    { name: "a combined review and suit count", id: "text.litigation", line: "被申请行政复议和提起行政诉讼共3件。" },
    { name: "a combined suit and review count", id: "text.review", line: "行政诉讼和行政复议共3件。" },
    { name: "an outcome count", id: "text.review", line: "行政复议被纠错1件。" },
    { name: "a rate", id: "text.processed", line: "按时办结率100%。" },
    { name: "two different numbers", id: "text.new_received", line: "全市共收到申请100件，本机关收到申请36件。" },
    { name: "no number", id: "text.processed", line: "均已按时答复。" },
    { name: "a partial answer count", id: "text.processed", line: "其中当场答复5件。" },
  ] as const)("$id takes nothing from $name", ({ id, line }) => {
    expect(readStated(id, [line])).toEqual([]);
  });

  it("accepts a received count that includes the carried-over requests", () => {
    const values = { "s3.new_received.total": 34, "s3.carried_over.total": 2 };
    expect(readStated("text.new_received", [SENTENCE], values)).toEqual([]);
  });

  it("reads a number wrapped across pages and cites the page and the table cell", () => {
    const input = buildRuleInput({ narrative: ["本年度共办结申请3", "4件。"], pages: [4, 5] });
    const rule = findRule("text.processed", "narrative_equals");
    const [flag] = checkNarrativeEquals(rule, input, buildNarrativeText(input.narrative));
    expect(flag?.actual).toBe(34);
    expect(flag?.severity).toBe("warning");
    expect(flag?.cells.map((c) => [c.path, c.value])).toEqual([["s3.total_processed.total", 0]]);
    expect(flag?.message.zh).toContain("第4页");
    expect(flag?.message.zh).toContain("办结申请34件");
  });

  it("skips a null table cell", () => {
    expect(readStated("text.processed", [SENTENCE], { "s3.total_processed.total": null })).toEqual([]);
  });

  it.each([
    [
      "other business with a subject-less 办结 clause",
      ["全年受理个体工商户设立申请2,046件，办结2,040件。"],
      "text.processed",
    ],
    ["other business", ["全年共受理企业开办申请3,120件。"], "text.new_received"],
    [
      "a wider scope with the report's count inside",
      ["全区共收到政府信息公开申请1369件，其中区政府本级36件。"],
      "text.new_received",
    ],
  ] as const)("reads nothing from a sentence about %s", (_name, lines, id) => {
    expect(readStated(id, lines)).toEqual([]);
  });

  it("checks the first sentence under a heading that names both 行政复议 and 行政诉讼", () => {
    const lines = ["四、政府信息公开行政复议、行政诉讼情况", "本年度因政府信息公开被申请行政复议11件。"];
    expect(readStated("text.review", lines, { "s4.review.total": 10 })).toEqual([
      { path: "s4.review.total", expected: 10, actual: 11 },
    ]);
  });

  // Round-4 probes (flag precision): phrasings that must stay quiet, and listed counts that must be read.
  it.each([
    ["text.new_received", "在收到的申请中涉及房屋征收补偿的申请20件，占55.6%。"],
    ["text.new_received", "截至目前，未收到申请人对答复结果提出异议。"],
    ["text.processed", "其中，以电子邮件形式答复28件，邮寄纸质答复书7件。"],
    ["text.processed", "告知申请人补正后答复4件。"],
    ["text.carried_forward", "全区共收到政府信息公开申请1369件，其中区政府本级36件，结转下年度继续办理58件。"],
    ["text.review", "全市共发生政府信息公开行政复议案件50件，其中市政府本级2件。"],
    ["text.new_received", "全市各级行政机关共收到政府信息公开申请5000件，办结4980件。"],
  ] as const)("%s stays quiet on %j", (id, line) => {
    expect(readStated(id, [line], CLEAN_VALUES)).toEqual([]);
  });

  it.each([
    ["text.processed", "收到申请36件、办结30件、结转下年度8件。", "s3.total_processed.total", 30],
    ["text.litigation", "被申请行政复议1件、被提起行政诉讼3件。", "s4.suit_direct.total", 3],
    ["text.review", "全年共有3起行政复议案件。", "s4.review.total", 3],
    ["text.review", "被申请行政复议的案件共3件。", "s4.review.total", 3],
    ["text.review", "政府信息公开行政复议收到5件，行政诉讼收到4件。", "s4.review.total", 5],
    ["text.litigation", "政府信息公开行政复议收到5件，行政诉讼收到4件。", "s4.suit_direct.total", 4],
    ["text.carried_forward", "已办结申请35件，尚有5件未到答复期限结转下年度。", "s3.carried_forward.total", 5],
  ] as const)("%s reads %j", (id, line, path, actual) => {
    const flags = readStated(id, [line], CLEAN_VALUES);
    expect(flags.map((f) => [f.path, f.actual])).toEqual([[path, actual]]);
  });

  it("reads a zero stated over a 、-list for both counts", () => {
    const line = "2023年，本机关未发生因政府信息公开引起的行政复议、行政诉讼案件。";
    const values = { "s4.review.total": 1, "s4.suit_direct.total": 1 };
    expect(readStated("text.review", [line], values).map((f) => f.actual)).toEqual([0]);
    expect(readStated("text.litigation", [line], values).map((f) => f.actual)).toEqual([0]);
  });
});
