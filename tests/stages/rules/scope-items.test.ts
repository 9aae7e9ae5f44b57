import { describe, expect, it } from "vitest";
import { fillScopePlaceholder, fillSubject, listScopeItems } from "../../../src/stages/rules/scope-items.js";
import { v2021 } from "../../../src/templates/v2021/index.js";

describe("scope items", () => {
  it.each([
    { scope: "s3_columns", count: 7, first: "natural" },
    { scope: "s3_rows", count: 25, first: "new_received" },
    { scope: "s4_groups", count: 3, first: "review" },
    { scope: "once", count: 1, first: "" },
  ] as const)("$scope has $count items starting with “$first”", ({ scope, count, first }) => {
    const items = listScopeItems(v2021, scope);
    expect(items).toHaveLength(count);
    expect(items[0]?.key).toBe(first);
  });

  it.each([
    { scope: "s3_columns", text: "s3.new_received.{column}", out: "s3.new_received.legal" },
    { scope: "s3_rows", text: "s3.{row}.total", out: "s3.legal.total" },
    { scope: "s4_groups", text: "s4.{group}.total", out: "s4.legal.total" },
    { scope: "once", text: "s3.{row}.total", out: "s3.{row}.total" },
  ] as const)("$scope fills $text", ({ scope, text, out }) => {
    expect(fillScopePlaceholder(text, scope, { key: "legal", label: "法律服务机构" })).toBe(out);
  });

  it("fills a subject's label and key", () => {
    expect(fillSubject("{label}列 / {key}", { key: "legal", label: "法律服务机构" })).toBe("法律服务机构列 / legal");
  });
});
