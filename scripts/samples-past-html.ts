// HTML of the issue-6 samples: the 2019-layout tables, the legacy 政府信息公开情况统计表, a portal page that
// nests a report in layout tables, and GBK encoding. The same HTML is read directly (.html samples) or laid out
// by LibreOffice into a PDF.

import { type Cell, esc, type HtmlOptions, s4Rows, tableHtml } from "./samples-html.js";
import { S3_COLUMNS } from "./samples-model.js";
import type { ReportDoc } from "./samples-narrative.js";
import { S3_ROWS_2019 } from "./samples-past-model.js";

function s2v19Rows(p: Record<string, string>): Cell[][] {
  const n = (path: string, colspan?: number): Cell => ({
    text: p[path] ?? "",
    num: true,
    ...(colspan ? { colspan } : {}),
  });
  const caption = (text: string): Cell[] => [{ text, colspan: 4 }];
  const three = (label: string, key: string, fields: readonly string[]): Cell[] => [
    { text: label },
    ...fields.map((f) => n(`s2v19.${key}.${f}`)),
  ];
  const docs = ["new_made", "new_published", "total_published"];
  const items = ["prev_year_items", "delta", "decisions"];
  return [
    caption("第二十条第（一）项"),
    [{ text: "信息内容" }, { text: "本年新制作数量" }, { text: "本年新公开数量" }, { text: "对外公开总数量" }],
    three("规章", "rules", docs),
    three("规范性文件", "normative_docs", docs),
    caption("第二十条第（五）项"),
    [{ text: "信息内容" }, { text: "上一年项目数量" }, { text: "本年增/减" }, { text: "处理决定数量" }],
    three("行政许可", "admin_license", items),
    three("其他对外管理服务事项", "other_services", items),
    caption("第二十条第（六）项"),
    [{ text: "信息内容" }, { text: "上一年项目数量" }, { text: "本年增/减" }, { text: "处理决定数量" }],
    three("行政处罚", "admin_penalty", items),
    three("行政强制", "admin_coercion", items),
    caption("第二十条第（八）项"),
    [{ text: "信息内容" }, { text: "上一年项目数量" }, { text: "本年增/减", colspan: 2 }],
    [{ text: "行政事业性收费" }, n("s2v19.admin_fees.prev_year_items"), n("s2v19.admin_fees.delta", 2)],
    caption("第二十条第（九）项"),
    [{ text: "信息内容" }, { text: "采购项目数量" }, { text: "采购总金额", colspan: 2 }],
    [{ text: "政府集中采购" }, n("s2v19.procurement.items"), n("s2v19.procurement.amount_wan", 2)],
  ];
}

function s3v19Rows(p: Record<string, string>): Cell[][] {
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
  for (const r of S3_ROWS_2019) if (r.group) groupSizes.set(r.group, (groupSizes.get(r.group) ?? 0) + 1);
  let previousGroup = "";
  S3_ROWS_2019.forEach((r, i) => {
    const cells: Cell[] = [];
    if (r.key === "granted") cells.push({ text: "三、本年度办理结果", rowspan: 20 });
    if (i < 2 || r.key === "carried_forward") cells.push({ text: r.label, colspan: 3 });
    else if (!r.group) cells.push({ text: r.label, colspan: 2 });
    else {
      if (r.group !== previousGroup) cells.push({ text: r.group, rowspan: groupSizes.get(r.group) ?? 1 });
      cells.push({ text: r.label });
      previousGroup = r.group;
    }
    for (const c of S3_COLUMNS) cells.push({ text: p[`s3.${r.key}.${c}`] ?? "", num: true });
    rows.push(cells);
  });
  return rows;
}

/** The 2019-layout tables by id. */
export function v2019Tables(p: Record<string, string>, o: HtmlOptions): Record<string, string> {
  return {
    s2: tableHtml(s2v19Rows(p), 2, [3, 2, 2, 2], o),
    s3: tableHtml(s3v19Rows(p), 3, [1, 1.3, 4.5, 1, 1, 1, 1, 1, 1, 1], o),
    s4: tableHtml(s4Rows(p), 3, Array<number>(15).fill(1), o),
  };
}

/** One row of a legacy 统计表: label, unit, printed value ("" for a heading row). */
export interface StatRow {
  label: string;
  unit: string;
  value: string;
}

/** The legacy 政府信息公开情况统计表: 统计指标 | 单位 | 统计数, or 指标 | 数量 when no row has a unit of its own. */
export function statTable(rows: readonly StatRow[], o: HtmlOptions): string {
  if (rows.every((r) => r.unit === "")) {
    const cells: Cell[][] = [
      [{ text: "指标" }, { text: "数量" }],
      ...rows.map((r) => [{ text: r.label }, { text: r.value, num: true }]),
    ];
    return tableHtml(cells, 1, [6, 1.4], o);
  }
  const cells: Cell[][] = [
    [{ text: "统计指标" }, { text: "单位" }, { text: "统计数" }],
    ...rows.map((r) => [{ text: r.label }, { text: r.unit }, { text: r.value, num: true }]),
  ];
  return tableHtml(cells, 1, [6, 1, 1.4], o);
}

/** A complete HTML document: title, preface, sections with the given tables after their paragraphs. */
export function pageHtml(
  doc: ReportDoc,
  tables: Record<string, string>,
  o: HtmlOptions,
  head: { charset: "utf-8" | "http-equiv-gb2312"; pageTitle?: string },
): string {
  const p = (text: string) => `<p style="text-indent:2em; line-height:150%">${esc(text)}</p>`;
  const out: string[] = [`<p align="center" style="font-size:18pt"><b>${esc(doc.title)}</b></p>`];
  for (const text of doc.preface) out.push(p(text));
  for (const s of doc.sections) {
    out.push(`<p style="font-size:14pt"><b>${esc(s.heading)}</b></p>`);
    for (const text of s.paragraphs) out.push(p(text));
    if (s.table !== undefined) out.push(tables[s.table] ?? "", "<p></p>");
    for (const text of s.after ?? []) out.push(p(text));
  }
  const meta =
    head.charset === "utf-8"
      ? '<meta charset="utf-8">'
      : '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">';
  const style = "<style>@page { size: 21cm 29.7cm; margin: 2.5cm 2.2cm }</style>";
  return `<!DOCTYPE html><html><head>${meta}<title>${esc(head.pageTitle ?? doc.title)}</title>${style}</head><body style="font-family:'${o.font}'; font-size:12pt">${out.join("\n")}</body></html>`;
}

/** A government portal page: the report's body inside layout tables (banner, navigation column, footer). */
export function portalHtml(reportHtml: string, site: string): string {
  const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(reportHtml)?.[1] ?? reportHtml;
  const head = /<head>([\s\S]*)<\/head>/.exec(reportHtml)?.[1] ?? "";
  const title = /<title>([\s\S]*?)<\/title>/.exec(head)?.[1] ?? "";
  const nav = [
    "首页",
    "政务公开",
    "政府信息公开指南",
    "政府信息公开制度",
    "政府信息公开年报",
    "依申请公开",
    "互动交流",
  ];
  const banner = `<table width="100%" border="0" cellspacing="0" cellpadding="0"><tr><td><a href="/">${esc(site)}</a></td><td align="right"><a href="/wza">无障碍</a> | <a href="/en">English</a></td></tr></table>`;
  const menu = nav.map((n) => `<tr><td><a href="#">${n}</a></td></tr>`).join("");
  return `<!DOCTYPE html><html><head>${head.replace(`<title>${title}</title>`, `<title>${title}_${esc(site)}</title>`)}</head><body>
<table width="1000" align="center" border="0" cellspacing="0" cellpadding="0">
<tr><td colspan="2">${banner}</td></tr>
<tr><td width="200" valign="top"><table width="100%" border="0">${menu}</table></td>
<td valign="top"><div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="#">政务公开</a> &gt; 政府信息公开年报</div>
<table width="100%" border="0"><tr><td class="article">${body}</td></tr></table></td></tr>
<tr><td colspan="2" align="center">主办：${esc(site)} 网站标识码：1234000001 ICP备案号：京ICP备12345678号</td></tr>
</table></body></html>`;
}

/** GBK bytes of a text (the encoder built by decoding every GBK double-byte code, so no library is needed). */
export function encodeGbk(text: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder("gbk");
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== "\ufffd" && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`Expected a GBK encoding for ${JSON.stringify(ch)}, found none`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}
