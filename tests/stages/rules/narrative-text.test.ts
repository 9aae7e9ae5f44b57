import { describe, expect, it } from "vitest";
import type { NarrativeLine } from "../../../src/model/narrative.js";
import { buildNarrativeText, listClauses, locateOffset } from "../../../src/stages/rules/narrative-text.js";

function lines(...texts: string[]): NarrativeLine[] {
  return texts.map((text, i) => ({ text, page: i + 1, bbox: [0, i * 10, 100, i * 10 + 9] }));
}

describe("buildNarrativeText", () => {
  it.each([
    { name: "joins wrapped lines without a separator", input: ["共收到申请3", "6件"], text: "共收到申请36件" },
    { name: "drops whitespace", input: ["办结 34 件"], text: "办结34件" },
    { name: "makes full-width digits ASCII", input: ["办结３４件"], text: "办结34件" },
    { name: "removes thousands commas", input: ["处罚1,362件,其中"], text: "处罚1362件,其中" },
    { name: "keeps a comma before a longer number", input: ["1,2345"], text: "1,2345" },
  ])("$name", ({ input, text }) => {
    expect(buildNarrativeText(lines(...input)).text).toBe(text);
  });

  it("remembers the page of each character across a page break", () => {
    const narrative = buildNarrativeText(lines("共收到申请3", "6件"));
    expect(locateOffset(narrative, 5)?.page).toBe(1);
    expect(locateOffset(narrative, 6)?.page).toBe(2);
    expect(locateOffset(narrative, 99)).toBeNull();
  });
});

describe("listClauses", () => {
  it("splits on ，。；and brackets, keeping each clause's sentence and offset", () => {
    const narrative = buildNarrativeText(lines("2023年，收到申请36件（含上年结转2件）；办结34件。"));
    expect(listClauses(narrative).map((c) => [c.text, c.start])).toEqual([
      ["2023年", 0],
      ["收到申请36件", 6],
      ["含上年结转2件", 14],
      ["办结34件", 23],
    ]);
    expect(listClauses(narrative)[1]?.sentence).toBe("2023年，收到申请36件（含上年结转2件）");
  });
});
