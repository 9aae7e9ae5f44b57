import { describe, expect, it } from "vitest";
import {
  commandsBox,
  hasCurve,
  parsePathData,
  straightRuns,
  transformPath,
} from "../../../src/stages/ofd/path-data.js";

describe("parsePathData: AbbreviatedData commands", () => {
  it("reads S/M/L/C into a closed straight run (the red rule of a real county document: S … L … C)", () => {
    const commands = parsePathData("S 0.0 0.0 L 156.0 0.0 C");
    expect(commands).toEqual([{ op: "M", to: [0, 0] }, { op: "L", to: [156, 0] }, { op: "C" }]);
    expect(straightRuns(commands)).toEqual([
      [
        [0, 0],
        [156, 0],
        [0, 0],
      ],
    ]);
  });

  it("ends a straight run at a curve, as the PDF reader does, and says the path has curves", () => {
    const commands = parsePathData("M 0 0 L 10 0 L 10 10 B 10 12 8 14 6 14 L 0 14 Q 0 7 0 0");
    expect(hasCurve(commands)).toBe(true);
    expect(straightRuns(commands)).toEqual([
      [
        [0, 0],
        [10, 0],
        [10, 10],
      ],
      [
        [6, 14],
        [0, 14],
      ],
    ]);
  });

  it("turns an arc into cubic curves that end at the arc's end point", () => {
    const commands = parsePathData("M 0 0 A 5 5 0 0 1 10 0");
    expect(commands[0]).toEqual({ op: "M", to: [0, 0] });
    expect(commands.slice(1).every((c) => c.op === "B")).toBe(true);
    const last = commands.at(-1);
    expect(last?.op === "B" && last.to).toEqual([10, 0]);
    // A half circle of radius 5 above or below the chord: its control points reach about 6.7 away from it.
    const box = commandsBox(commands);
    expect(box[2] - box[0]).toBeCloseTo(10, 1);
    expect(Math.max(Math.abs(box[1]), Math.abs(box[3]))).toBeGreaterThan(5);
  });

  it("stops at a command short of numbers and skips unknown letters", () => {
    expect(parsePathData("M 0 0 Z L 5 5 L 6")).toEqual([
      { op: "M", to: [0, 0] },
      { op: "L", to: [5, 5] },
    ]);
    expect(parsePathData("")).toEqual([]);
  });

  it("maps every point by a matrix (a CTM in points, a y flip)", () => {
    const flipped = transformPath(parsePathData("M 0 0 L 0 -237.79"), [1, 0, 0, -1, 23.04, 15.79]);
    expect(flipped).toEqual([
      { op: "M", to: [23.04, 15.79] },
      { op: "L", to: [23.04, 253.57999999999998] },
    ]);
  });
});
