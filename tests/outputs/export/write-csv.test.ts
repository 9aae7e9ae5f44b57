import { describe, expect, it } from "vitest";
import { formatCsv } from "../../../src/outputs/export/write-csv.js";
import { parseCsv } from "./extracted-fixture.js";

describe("formatCsv", () => {
  it.each([
    ["plain text", "苏州市生态环境局", "苏州市生态环境局"],
    ["a comma", "a, b", '"a, b"'],
    ["a quote", 'states 28 ("收到申请28件")', '"states 28 (""收到申请28件"")"'],
    ["a newline", "line 1\nline 2", '"line 1\nline 2"'],
    ["an empty string", "", '""'],
    ["null", null, ""],
    ["an integer", 1362, "1362"],
    ["a decimal", 0.35, "0.35"],
    ["a negative", -2, "-2"],
    ["true", true, "true"],
    ["NaN", Number.NaN, ""],
  ])("writes %s as %j and reads back the same", (_name, value, field) => {
    const text = formatCsv(["x", "y"], [[value, "end"]]);
    expect(text).toBe(`x,y\n${field},end\n`);
    const [, row] = parseCsv(text);
    const expected = value === null || (typeof value === "number" && Number.isNaN(value)) ? null : String(value);
    expect(row?.[0]).toBe(expected);
  });
});
