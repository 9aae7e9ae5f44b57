import { describe, expect, it } from "vitest";
import { mapRecords } from "../../../src/stages/mapping/index.js";
import type { RowRecord } from "../../../src/stages/mapping/row-record.js";
import { templateFor } from "../../../src/templates/index.js";
import { lineRecord } from "./record-builder.js";

const TITLE = "厦门市人民政府门户网站官理中心2023年政府信息公开工作年度报告";

/** The title line, read by OCR at `confidence` (or from a text layer). */
function title(confidence?: number): RowRecord {
  const record = lineRecord(TITLE, [], { y: 80 });
  if (confidence === undefined) return record;
  const item = { text: TITLE, box: record.box, fontSize: 16, fontName: "ocr", source: "ocr" as const, confidence };
  return { ...record, items: [item] };
}

describe("an agency read by OCR is checked against places and agency words however sure the recogniser was", () => {
  const template = templateFor("v2021");
  if (!template) throw new Error("no v2021 template");

  it("keeps 官理中心 (管 misread, read at 1.0 from a copy of a copy) below the threshold, and says why", () => {
    const mapped = mapRecords([title(1)], template);
    expect(mapped.agency).toBe("厦门市人民政府门户网站官理中心");
    expect(mapped.confidence.agency).toBe(0.6);
    expect(mapped.issues.map((i) => i.code)).toContain("meta.agency_words");
  });

  it("trusts the same name printed in a text layer: it is what was published", () => {
    const mapped = mapRecords([title()], template);
    expect(mapped.confidence.agency).toBe(1);
    expect(mapped.issues.map((i) => i.code)).not.toContain("meta.agency_words");
  });
});
