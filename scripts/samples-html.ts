// Renders a sample as HTML for LibreOffice's HTML import (Writer): tables built with rowspan/colspan and
// inline cell borders (LibreOffice ignores class selectors on cells but honours inline border styles),
// a `<div title="footer">` page footer with an `<sdfield type=PAGE>` page-number field.
import { S3_COLUMNS, S3_ROWS, S4_FIELDS, S4_GROUPS } from "./samples-model.js";
import type { ReportDoc, TableId } from "./samples-narrative.js";

export interface HtmlOptions {
  font: string;
  /** "all": every cell ruled; "three-line": top, below header, bottom; "none": no rules at all. */
  rules: "all" | "three-line" | "none";
  footer?: boolean;
  /** Alignment of number cells. */
  numberAlign: "center" | "right" | "left";
  /** Section 二 caption rows to drop, e.g. ["第二十条第（五）项"]. */
  omitCaptions?: readonly string[];
  /** Print the merged group labels of table 三 one character per line. */
  verticalGroups?: boolean;
  /** Relative widths of table 三's ten columns (three label columns, seven number columns). */
  s3Widths?: readonly number[];
  /** Layout engine: LibreOffice (default) or headless Chromium (Skia's PDF writer: another producer). */
  engine?: "libreoffice" | "chromium";
}

export interface Cell {
  text: string;
  rowspan?: number;
  colspan?: number;
  num?: boolean;
}

export const esc = (s: string): string => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
const RULE = "1.5pt solid #000000";
const THIN = "0.75pt solid #000000";

export function tableHtml(rows: Cell[][], headerRows: number, widths: readonly number[], o: HtmlOptions): string {
  const last = rows.length - 1;
  const body = rows.map((row, i) => {
    const tds = row.map((c) => {
      const end = i + (c.rowspan ?? 1) - 1;
      const border: string[] = [];
      if (o.rules === "all") border.push(`border:${THIN}`);
      if (o.rules === "three-line") {
        if (i === 0) border.push(`border-top:${RULE}`);
        if (end === headerRows - 1) border.push(`border-bottom:${THIN}`);
        if (end === last) border.push(`border-bottom:${RULE}`);
      }
      const align = c.num ? o.numberAlign : c.text.length <= 8 && i < headerRows ? "center" : "left";
      const span = `${c.rowspan ? ` rowspan="${c.rowspan}"` : ""}${c.colspan ? ` colspan="${c.colspan}"` : ""}`;
      const text = esc(c.text).replaceAll("\n", "<br>");
      return `<td${span} align="${align}" valign="middle" style="${border.join(";")}"><font face="${o.font}" style="font-size:10pt">${text}</font></td>`;
    });
    return `<tr>${tds.join("")}</tr>`;
  });
  const total = widths.reduce((a, b) => a + b, 0);
  const cols = widths.map((w) => `<col width="${Math.round((w / total) * 640)}">`).join("");
  return `<table width="640" cellspacing="0" cellpadding="3" style="border-collapse:collapse">${cols}${body.join("")}</table>`;
}

export function s2Rows(p: Record<string, string>, omit: readonly string[]): Cell[][] {
  const n = (path: string): Cell => ({ text: p[path] ?? "", num: true });
  const caption = (text: string): Cell[][] => (omit.includes(text) ? [] : [[{ text, colspan: 4 }]]);
  const decision = (label: string, path: string): Cell[] => [{ text: label }, { ...n(path), colspan: 3 }];
  return [
    ...caption("第二十条第（一）项"),
    [{ text: "信息内容" }, { text: "本年制发件数" }, { text: "本年废止件数" }, { text: "现行有效件数" }],
    [{ text: "规章" }, n("s2.rules.made"), n("s2.rules.repealed"), n("s2.rules.valid")],
    [
      { text: "行政规范性文件" },
      n("s2.normative_docs.made"),
      n("s2.normative_docs.repealed"),
      n("s2.normative_docs.valid"),
    ],
    ...caption("第二十条第（五）项"),
    [{ text: "信息内容" }, { text: "本年处理决定数量", colspan: 3 }],
    decision("行政许可", "s2.admin_license.decisions"),
    ...caption("第二十条第（六）项"),
    [{ text: "信息内容" }, { text: "本年处理决定数量", colspan: 3 }],
    decision("行政处罚", "s2.admin_penalty.decisions"),
    decision("行政强制", "s2.admin_coercion.decisions"),
    ...caption("第二十条第（八）项"),
    [{ text: "信息内容" }, { text: "本年收费金额（单位：万元）", colspan: 3 }],
    decision("行政事业性收费", "s2.admin_fees.amount_wan"),
  ];
}

const vertical = (text: string, on: boolean): string => (on ? [...text].join("\n") : text);

function s3Rows(p: Record<string, string>, o: HtmlOptions): Cell[][] {
  const v = o.verticalGroups ?? false;
  const rows: Cell[][] = [
    [
      { text: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rowspan: 3, colspan: 3 },
      { text: "申请人情况", colspan: 7 },
    ],
    [
      { text: "自然人", rowspan: 2 },
      { text: "法人或其他组织", colspan: 5 },
      { text: "总计", rowspan: 2 },
    ],
    ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"].map((text) => ({ text })),
  ];
  const groupSizes = new Map<string, number>();
  for (const r of S3_ROWS) if ("group" in r) groupSizes.set(r.group, (groupSizes.get(r.group) ?? 0) + 1);
  let previousGroup = "";
  S3_ROWS.forEach((r, i) => {
    const cells: Cell[] = [];
    if (r.key === "granted") cells.push({ text: vertical("三、本年度办理结果", v), rowspan: 22 });
    if (i < 2 || r.key === "carried_forward") cells.push({ text: r.label, colspan: 3 });
    else if (!("group" in r)) cells.push({ text: r.label, colspan: 2 });
    else {
      if (r.group !== previousGroup) cells.push({ text: vertical(r.group, v), rowspan: groupSizes.get(r.group) ?? 1 });
      cells.push({ text: r.label });
      previousGroup = r.group;
    }
    for (const c of S3_COLUMNS) cells.push({ text: p[`s3.${r.key}.${c}`] ?? "", num: true });
    rows.push(cells);
  });
  return rows;
}

export function s4Rows(p: Record<string, string>): Cell[][] {
  const labels = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
  return [
    [
      { text: "行政复议", colspan: 5 },
      { text: "行政诉讼", colspan: 10 },
    ],
    [
      ...labels.map((text) => ({ text, rowspan: 2 })),
      { text: "未经复议直接起诉", colspan: 5 },
      { text: "复议后起诉", colspan: 5 },
    ],
    [...labels, ...labels].map((text) => ({ text })),
    S4_GROUPS.flatMap((g) => S4_FIELDS.map((f) => ({ text: p[`s4.${g}.${f}`] ?? "", num: true }))),
  ];
}

function renderTable(id: TableId, p: Record<string, string>, o: HtmlOptions): string {
  if (id === "s2") return tableHtml(s2Rows(p, o.omitCaptions ?? []), 2, [3, 2, 2, 2], o);
  if (id === "s3") return tableHtml(s3Rows(p, o), 3, o.s3Widths ?? [1, 1.3, 4.5, 1, 1, 1, 1, 1, 1, 1], o);
  return tableHtml(s4Rows(p), 3, Array<number>(15).fill(1), o);
}

/** The complete HTML document of a sample. */
export function renderHtml(doc: ReportDoc, printed: Record<string, string>, o: HtmlOptions): string {
  const p = (text: string) => `<p style="text-indent:2em; line-height:150%">${esc(text)}</p>`;
  const out: string[] = [];
  if (o.footer) {
    out.push(
      '<div title="footer"><p align="center">-&nbsp;<sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield>&nbsp;-</p></div>',
    );
  }
  out.push(`<p align="center" style="font-size:18pt"><b>${esc(doc.title)}</b></p>`);
  for (const text of doc.preface) out.push(p(text));
  for (const s of doc.sections) {
    out.push(`<p style="font-size:14pt"><b>${esc(s.heading)}</b></p>`);
    for (const text of s.paragraphs) out.push(p(text));
    if (s.table !== undefined) out.push(renderTable(s.table, printed, o), "<p></p>");
    for (const text of s.after ?? []) out.push(p(text));
  }
  const style = `<style>@page { size: 21cm 29.7cm; margin: 2.5cm 2.2cm }</style>`;
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(doc.title)}</title>${style}</head><body style="font-family:'${o.font}'; font-size:12pt">${out.join("\n")}</body></html>`;
}
