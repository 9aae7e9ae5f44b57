import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractOnce } from "../helpers/extract-once.js";

const fixtures = join(import.meta.dirname, "../fixtures/templates");

describe("a report on the 2019 trial template", () => {
  it("is read with the v2019 template: s2v19 keys, signed deltas, 元 amounts in 万元, one （六） row", async () => {
    const { output } = await extractOnce(join(fixtures, "v2019-layout-2020.pdf"));
    expect(output.report).toMatchObject({ agency: "示例县自然资源局", year: 2020, template: "v2019" });
    expect(output.status).toBe("success");
    const s2 = Object.keys(output.cells).filter((path) => path.startsWith("s2"));
    expect(s2.length).toBe(22);
    // Never folded into the 2021 keys (their meanings differ).
    expect(s2.every((path) => path.startsWith("s2v19."))).toBe(true);
    expect(output.values).toMatchObject({
      s2v19: {
        normative_docs: { new_made: 3, new_published: 3, total_published: 27 },
        admin_license: { prev_year_items: 12, delta: 2, decisions: 340 },
        admin_penalty: { prev_year_items: 20, delta: -1, decisions: 56 },
        admin_fees: { prev_year_items: 2, delta: 0 },
        procurement: { items: 4, amount_wan: 25.1 },
      },
    });
    expect(output.cells["s3.other_processing.total"]).toMatchObject({ value: 1, source: "text" });
    expect(output.cells["s3.other_other.total"]).toBeUndefined();
    expect(output.cells["s3.total_processed.total"]?.value).toBe(12);
    // 18 rows + other_processing = （七）总计: no arithmetic flag, no version mismatch (a 2020 report).
    expect(output.flags).toEqual([]);
    expect(output.issues.map((i) => i.code)).not.toContain("template.section2_not_read");
  });
});

describe("the official blank template (.docx)", () => {
  const root = join(import.meta.dirname, "../..");

  it("reads as every v2021 cell printed blank, each with its Word table locator, matching extracted/", async () => {
    const { output } = await extractOnce(join(root, "samples/source/template-2021-blank.docx"));
    expect(output.report.template).toBe("v2021");
    const printed = Object.entries(output.cells).filter(([, c]) => c.source !== "derived");
    expect(printed.length).toBe(200);
    expect(
      printed.every(
        ([, c]) =>
          c.value === 0 && c.blank && c.page === null && /^tbl\[[123]\]\/tr\[\d+\]\/tc\[\d+\]$/.test(c.locator ?? ""),
      ),
    ).toBe(true);
    expect(output.cells["s3.granted.natural"]?.locator).toBe("tbl[2]/tr[6]/tc[3]");
    expect(output.flags.filter((f) => f.rule !== "cell.blank")).toEqual([]);
    const committed = JSON.parse(readFileSync(join(root, "extracted/source/template-2021-blank.json"), "utf8"));
    expect(JSON.parse(JSON.stringify(output))).toEqual(committed);
  });
});
