import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Cell } from "../../../src/model/cell.js";
import { evaluateRules, findSuspectCells, oneDigitApart } from "../../../src/stages/rules/index.js";
import { v2021 } from "../../../src/templates/index.js";

const truth = JSON.parse(
  readFileSync(join(import.meta.dirname, "../../../samples/ruled-clean-2023.truth.json"), "utf8"),
) as { values: Record<string, Record<string, Record<string, number>>> };

function cellsFromTruth(): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  for (const [section, rows] of Object.entries(truth.values)) {
    for (const [row, columns] of Object.entries(rows)) {
      for (const [column, value] of Object.entries(columns)) {
        cells.set(`${section}.${row}.${column}`, {
          value,
          raw: String(value),
          page: 3,
          bbox: [0, 0, 1, 1],
          source: "ocr",
          confidence: 0.96,
          blank: false,
        });
      }
    }
  }
  return cells;
}

function input(cells: Map<string, Cell>) {
  return { template: v2021, detectedVersion: "v2021" as const, agency: null, year: null, cells, narrative: [] };
}

describe("the rules as a checksum on OCR", () => {
  it("tells one-digit misreads from other differences", () => {
    expect(oneDigitApart("39", "38")).toBe(true);
    expect(oneDigitApart("39", "339")).toBe(true);
    expect(oneDigitApart("139", "39")).toBe(true);
    expect(oneDigitApart("39", "93")).toBe(false);
    expect(oneDigitApart("39", "39")).toBe(false);
    expect(oneDigitApart("5", "15")).toBe(true);
    expect(oneDigitApart("5", "105")).toBe(false);
  });

  it("names the cell whose one-digit correction makes every failing rule pass, and keeps its value", () => {
    const cells = cellsFromTruth();
    const good = cells.get("s3.granted.natural") as Cell;
    // 26 printed, 28 read: the row total and the results column total both fail.
    cells.set("s3.granted.natural", { ...good, value: 28, raw: "28" });
    const flags = evaluateRules(input(cells));
    expect(flags.some((f) => f.rule === "s3.row_total")).toBe(true);
    const issues = findSuspectCells(input(cells), flags);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.code).toBe("ocr.suspect_cell");
    expect(issues[0]?.message).toMatch(/^s3\.granted\.natural: read as 28 .*26 would make every failing rule pass/);
    expect(cells.get("s3.granted.natural")?.value).toBe(28);
  });

  it("also names the derived cell that sums a suspect cell", () => {
    const cells = cellsFromTruth();
    const good = cells.get("s3.other_no_supplement.commercial") as Cell;
    // A digit dropped from a printed 12: read as 1.
    const misread = good.value === 1 ? 2 : Number(String(good.value).slice(0, -1) || "0");
    cells.set("s3.other_no_supplement.commercial", { ...good, value: misread, raw: String(misread) });
    const issues = findSuspectCells(input(cells), evaluateRules(input(cells)));
    const named = issues.map((i) => i.message.slice(0, i.message.indexOf(":")));
    expect(named).toContain("s3.other_no_supplement.commercial");
    expect(named).toContain("s3.other_processing.commercial");
    expect(issues.every((i) => i.code === "ocr.suspect_cell")).toBe(true);
  });

  it("names a sure cell whose rule its uncertain cells cannot balance, unless an error flag cites it", () => {
    // d08 of the generator's set: a speckled 0 read as 6 at 0.99 in a row whose uncertain cells are all 0, and
    // another misread in the same column, so no one correction makes every failing rule pass.
    const misread = () => {
      const cells = cellsFromTruth();
      const set = (path: string, value: number, confidence: number) =>
        cells.set(path, { ...(cells.get(path) as Cell), value, raw: String(value), confidence });
      set("s3.reject_publication.legal", 6, 0.99);
      set("s3.reject_publication.commercial", 0, 0.6);
      set("s3.unable_unclear.legal", 10, 0.6);
      return { cells, set };
    };
    const { cells } = misread();
    const flags = evaluateRules(input(cells));
    expect(flags.filter((f) => f.severity === "error")).toEqual([]);
    const named = findSuspectCells(input(cells), flags).map((i) => i.message);
    expect(named.filter((m) => m.startsWith("s3.reject_publication.legal:"))).toHaveLength(1);
    expect(named.join("\n")).toMatch(
      /0 would make s3\.row_total s3\.reject_publication pass, which its uncertain cells cannot/,
    );
    // The row total is not named: reading it 6 would put the results column of 总计 further out.
    expect(named.some((m) => m.startsWith("s3.reject_publication.total:"))).toBe(false);

    // With the row's total uncertain too, a misread total explains the failure: nothing sure is named.
    const explained = misread();
    explained.set("s3.reject_publication.total", 1, 0.6);
    const other = findSuspectCells(input(explained.cells), evaluateRules(input(explained.cells)));
    expect(other.some((i) => /uncertain cells cannot/.test(i.message))).toBe(false);

    // An error flag (all its cells sure) through the cell keeps it unnamed: no publication error becomes a warning.
    const published = misread();
    published.set("s3.unable_unclear.legal", 0, 0.99);
    published.set("s3.granted.legal", 2, 0.99);
    const publishedFlags = evaluateRules(input(published.cells));
    expect(publishedFlags.some((f) => f.severity === "error" && f.path === "s3.total_processed.legal")).toBe(true);
    const none = findSuspectCells(input(published.cells), publishedFlags);
    expect(none.some((i) => /uncertain cells cannot/.test(i.message))).toBe(false);
  });

  it("names no cell when several would each balance the failing rules (a group total or one of its parts)", () => {
    // s4's groups: each cell is in one rule only, so a total printed one off cannot be told from a misread part.
    const cells = cellsFromTruth();
    const total = cells.get("s4.review.total") as Cell;
    const printed = (total.value as number) + 1;
    cells.set("s4.review.total", { ...total, value: printed, raw: String(printed) });
    const flags = evaluateRules(input(cells));
    expect(flags.some((f) => f.rule === "s4.group_total" && f.severity === "error")).toBe(true);
    expect(findSuspectCells(input(cells), flags)).toEqual([]);
  });

  it("names nothing when the rules pass, when cells are from the text layer, or when no single digit explains it", () => {
    const cells = cellsFromTruth();
    expect(findSuspectCells(input(cells), evaluateRules(input(cells)))).toEqual([]);
    const good = cells.get("s3.granted.natural") as Cell;
    cells.set("s3.granted.natural", { ...good, value: 62, raw: "62" });
    expect(findSuspectCells(input(cells), evaluateRules(input(cells)))).toEqual([]);
    const text = cellsFromTruth();
    for (const [path, cell] of text) text.set(path, { ...cell, source: "text" });
    text.set("s3.granted.natural", { ...good, source: "text", value: 28, raw: "28" });
    expect(findSuspectCells(input(text), evaluateRules(input(text)))).toEqual([]);
  });
});
