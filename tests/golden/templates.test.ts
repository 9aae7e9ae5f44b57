import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractDocument } from "../../src/pipeline/extract-document.js";

const fixtures = join(import.meta.dirname, "../fixtures/templates");

describe("a report on another template version", () => {
  it("a 2019-layout report keeps its section 二 out of the 2021 keys and says so", async () => {
    const { output } = await extractDocument(join(fixtures, "v2019-layout-2020.pdf"));
    expect(output.report).toMatchObject({ agency: "示例县自然资源局", year: 2020, template: "v2019" });
    expect(output.status).toBe("partial_success");
    const s2 = Object.entries(output.cells).filter(([path]) => path.startsWith("s2."));
    expect(s2.length).toBe(10);
    expect(s2.every(([, cell]) => cell.value === null)).toBe(true);
    expect(output.issues.map((i) => i.code)).toEqual(
      expect.arrayContaining(["template.section2_not_read", "template.unsupported"]),
    );
    // Section 三 rows that both versions share are read; the 2021 （六） rows the 2019 table lacks stay null.
    expect(output.cells["s3.new_received.total"]?.value).toBe(12);
    expect(output.cells["s3.total_processed.total"]?.value).toBe(12);
    expect(output.cells["s3.other_other.total"]?.value).toBeNull();
    expect(output.flags.filter((f) => f.severity === "error")).toEqual([]);
  });
});
