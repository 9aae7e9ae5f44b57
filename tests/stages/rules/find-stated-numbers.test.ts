import { describe, expect, it } from "vitest";
import type { NarrativeLine } from "../../../src/model/narrative.js";
import { findStatedNumbers } from "../../../src/stages/rules/find-stated-numbers.js";
import { buildNarrativeText } from "../../../src/stages/rules/narrative-text.js";

function narrativeOf(text: string) {
  const line: NarrativeLine = { text, page: 1, bbox: [0, 0, 100, 10] };
  return buildNarrativeText([line]);
}

describe("findStatedNumbers", () => {
  it.each([
    { text: "办结34件，其中上年结转2件", values: [34] },
    { text: "2023年办结34件", values: [34] },
    { text: "办结三十四件", values: [34] },
    { text: "办结率100%", values: [] },
    { text: "办结34件；答复12件", values: [34, 12] },
  ])("counts in “$text”", ({ text, values }) => {
    const found = findStatedNumbers(narrativeOf(text), { patterns: ["(?:办结|答复){n}件"] });
    expect(found.map((s) => s.value)).toEqual(values);
  });

  it("with a nearest context, reads a number only under the nearer of the rival words before it", () => {
    const spec = (own: string[], rivals: string[]) => ({
      patterns: ["维持[^0-9，。；、]{0,10}?{n}件"],
      nearestContext: { own, rivals },
    });
    const text = "行政复议2件，经复议维持1件，行政诉讼3件，法院判决维持3件。";
    const review = findStatedNumbers(narrativeOf(text), spec(["复议"], ["诉讼", "法院", "判决"]));
    const suits = findStatedNumbers(narrativeOf(text), spec(["诉讼", "法院", "判决"], ["复议"]));
    expect(review.map((s) => s.value)).toEqual([1]);
    expect(suits.map((s) => s.value)).toEqual([3]);
    expect(findStatedNumbers(narrativeOf("维持原决定1件"), spec(["复议"], ["诉讼"]))).toEqual([]);
  });

  it("does not take the tail of a longer number", () => {
    expect(findStatedNumbers(narrativeOf("编号12345件"), { patterns: ["345件{n}"] })).toEqual([]);
    expect(findStatedNumbers(narrativeOf("共2023件"), { patterns: ["{n}件"] }).map((s) => s.value)).toEqual([2023]);
  });

  it("skips excluded clauses and reads zero statements", () => {
    const found = findStatedNumbers(narrativeOf("受理行政许可申请300件，未收到申请"), {
      patterns: ["受理[^0-9]*申请{n}件"],
      zeroPatterns: ["未收到申请"],
      clauseExclude: ["许可"],
    });
    expect(found.map((s) => [s.value, s.clause])).toEqual([[0, "未收到申请"]]);
  });

  it("reads amounts with their unit, only in sentences of the context", () => {
    const spec = { patterns: ["收费{amount}"], sentenceContext: ["事业性"] };
    const found = findStatedNumbers(narrativeOf("行政事业性收费12.5万元。其他收费300元。"), spec);
    expect(found.map((s) => [s.value, s.unit])).toEqual([[12.5, "万元"]]);
  });
});
