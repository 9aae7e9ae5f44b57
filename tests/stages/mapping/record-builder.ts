import type { Box } from "../../../src/model/geometry.js";
import type { TextItem } from "../../../src/model/page-content.js";
import type { RowRecord, ValueSlot } from "../../../src/stages/mapping/row-record.js";

/** Left edge (points) of value column i in hand-made rows: columns 40 pt apart from x = 260. */
export function columnX(i: number): number {
  return 260 + 40 * i;
}

export interface LineOptions {
  readonly page?: number;
  /** Top of the line (points, top-left origin). */
  readonly y?: number;
  /** Value column of each printed value (default: 0, 1, 2 …); a skipped column is an unprinted blank. */
  readonly columns?: readonly number[];
}

/** A free text line: a label at x 50–240 and value tokens 20 pt wide at their columns. */
export function lineRecord(label: string, values: readonly string[] = [], options: LineOptions = {}): RowRecord {
  const page = options.page ?? 1;
  const y = options.y ?? 100;
  const slots: ValueSlot[] = values.map((raw, i) => {
    const x = columnX(options.columns?.[i] ?? i);
    return { raw, box: [x, y, x + 20, y + 10], page };
  });
  const right = slots.at(-1)?.box[2] ?? 240;
  return {
    page,
    box: [50, y, right, y + 10],
    label,
    labelBox: label === "" ? null : [50, y, 240, y + 10],
    slots,
    ruled: false,
    gridId: -1,
    firstOfGrid: false,
    lastOfGrid: false,
    text: [label, ...values].filter((t) => t !== "").join(" "),
    items: [],
  };
}

export interface RuledOptions {
  readonly page?: number;
  readonly y?: number;
  readonly gridId?: number;
  readonly first?: boolean;
  readonly last?: boolean;
}

/** A ruled grid row: a label cell at x 50–250 and one 40 pt cell per value ("" = a printed blank cell). */
export function ruledRecord(label: string, values: readonly string[], options: RuledOptions = {}): RowRecord {
  const page = options.page ?? 1;
  const y = options.y ?? 100;
  const slots: ValueSlot[] = values.map((raw, i) => ({
    raw,
    box: [columnX(i) - 10, y, columnX(i) + 30, y + 20],
    page,
  }));
  return {
    page,
    box: [50, y, columnX(values.length) - 10, y + 20],
    label,
    labelBox: [50, y, 250, y + 20],
    slots,
    ruled: true,
    gridId: options.gridId ?? 0,
    firstOfGrid: options.first ?? false,
    lastOfGrid: options.last ?? false,
    text: [label, ...values].join(" "),
    items: [],
  };
}

/** A text item of `text` at [x0, y, x1, y + size]. */
export function textItem(text: string, x0: number, y: number, x1: number, size = 10): TextItem {
  const box: Box = [x0, y, x1, y + size];
  return { text, box, fontSize: size, fontName: "NotoSansCJKsc-Regular" };
}

/** Seven zeros-or-counts for a section 三 row. */
export function sevenValues(seed: number): string[] {
  return Array.from({ length: 7 }, (_, i) => String(seed * 10 + i));
}
