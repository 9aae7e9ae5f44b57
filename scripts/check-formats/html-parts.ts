// Pieces the independent check set's HTML reports are built from: the truth file's shape, table styles, the
// printed form of a value, and table markup.
export interface Truth {
  readonly file: string;
  readonly report: { readonly agency: string; readonly year: number; readonly template: string };
  readonly status: string;
  readonly values: Record<string, Record<string, Record<string, number | null>>>;
  readonly blank: readonly string[];
  readonly flags: readonly { readonly rule: string; readonly path: string }[];
  readonly pages_need_ocr: readonly number[];
}

export interface TableStyle {
  /** Group labels (三、本年度办理结果, （三）不予公开 …) one character per line. */
  readonly vertical?: boolean;
  /** Header words broken inside cells (商业<br>企业, 法律服<br>务机构). */
  readonly brokenHeaders?: boolean;
  /** Blank cells printed with these marks in turn. */
  readonly blankMarks?: readonly string[];
  /** Section 三's table split in two after this many body rows, a page break and "- 3 -" between. */
  readonly splitS3After?: number;
  /**
   * The continuation of a split section 三 drops the merged group cells (三、本年度办理结果, （三）不予公开 …)
   * instead of keeping them empty: its rows are ragged, shorter at the left.
   */
  readonly splitDropsGroups?: boolean;
  /** Section 二's sub-tables merged into one grid (captions as full-width rows). */
  readonly mergedS2?: boolean;
  /** Counts of sections 三 and 四 in full-width digits; counts ≥ 1000 with thousands separators. */
  readonly fullWidth?: boolean;
  readonly thousands?: boolean;
  /** Section 三's labels in one column ("（三）不予公开 1.属于国家秘密") instead of three merged ones. */
  readonly oneLabelColumn?: boolean;
  /** 政府集中采购's amount printed in 元 inside the cell ("251000元"). */
  readonly procurementYuan?: boolean;
  /** The whole report inside a portal's layout tables (banner, navigation, article cell). */
  readonly portal?: boolean;
  /** Table borders: every cell, or none. */
  readonly borders?: "all" | "none";
}

export type Row = readonly string[];
export const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/** The cell text of a value as a report prints it. */
export class CellPrinter {
  private blanks = 0;
  constructor(
    private readonly truth: Truth,
    private readonly style: TableStyle,
  ) {}

  cell(path: string, kind: "count" | "wide" | "signed" | "amount" = "count"): string {
    const [section, row, column] = path.split(".") as [string, string, string];
    const value = this.truth.values[section]?.[row]?.[column];
    if (value === null || value === undefined) return "";
    if (this.truth.blank.includes(path)) {
      const marks = this.style.blankMarks ?? [""];
      return marks[this.blanks++ % marks.length] as string;
    }
    if (kind === "signed") return value > 0 ? `+${value}` : String(value);
    if (kind === "amount") return String(value);
    let text = this.style.thousands && value >= 1000 ? value.toLocaleString("en-US") : String(value);
    if (kind === "wide" && this.style.fullWidth)
      text = text.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    return text;
  }
}

/** One `<tr>`: cells as [text, attributes]. */
export function tr(cells: readonly (readonly [string, string?])[]): string {
  return `<tr>${cells.map(([text, attrs]) => `<td${attrs ? ` ${attrs}` : ""}>${text}</td>`).join("")}</tr>`;
}

export function label(text: string, style: TableStyle, group: boolean): string {
  if (group && style.vertical) return [...text].map(esc).join("<br>");
  return esc(text);
}

export function table(rows: readonly string[], style: TableStyle): string {
  const border = style.borders === "none" ? 'border="0"' : 'border="1" style="border-collapse:collapse"';
  return `<table ${border} cellpadding="3" width="100%">\n${rows.join("\n")}\n</table>`;
}
