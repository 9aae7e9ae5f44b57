import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildOutputContract } from "../../scripts/output-contract.js";
import { errorClassSchema } from "../../src/model/issue.js";

describe("docs/output-contract.md", () => {
  it("is what scripts/output-contract.ts generates from the templates and the model (regenerate it if not)", async () => {
    const committed = await readFile(join(import.meta.dirname, "../../docs/output-contract.md"), "utf8");
    expect(committed).toBe(buildOutputContract());
  });

  it("names every error class, status and rule id the code has", () => {
    const text = buildOutputContract();
    for (const name of [
      ...errorClassSchema.options,
      "partial_success",
      "s3.balance",
      "cross.duplicate",
      "text.review",
    ]) {
      expect(text).toContain(`\`${name}\``);
    }
    expect(text).toContain(
      "| `s3.deny_three_security.natural` | 三、收到和处理政府信息公开申请情况 | 3.危及“三安全一稳定” / 自然人 |",
    );
  });
});
