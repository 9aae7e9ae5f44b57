import { CSP, escapeHtml, hrefOf } from "./html.js";
import type { ReviewReport } from "./review-model.js";
import { bi, STATUS_LABELS, statusBadge, toolbar } from "./ui-text.js";

/** What the index keeps of a report once its page is written (the cells are not kept: 500 reports stay small). */
export interface IndexEntry {
  readonly file: string;
  readonly slug: string;
  readonly agency: string | null;
  readonly year: number | null;
  readonly template: string;
  readonly status: string;
  readonly counts: { readonly error: number; readonly warning: number; readonly info: number };
  readonly cross: number;
  readonly reviewed: number;
  readonly rules: readonly string[];
  /** Why the page shows no page images nor source tables; null when it shows one or the other. */
  readonly imagesMissing: string | null;
}

export function toIndexEntry(report: ReviewReport, sourceTables: boolean): IndexEntry {
  const count = (severity: string) => report.flags.filter((f) => f.severity === severity).length;
  return {
    file: report.file,
    slug: report.slug,
    agency: report.agency,
    year: report.year,
    template: report.template,
    status: report.status,
    counts: { error: count("error"), warning: count("warning"), info: count("info") },
    cross: report.flags.filter((f) => f.scope === "cross").length,
    reviewed: Object.keys(report.reviewed).length,
    rules: [...new Set(report.flags.map((f) => f.rule))].sort(),
    imagesMissing: report.pages.length > 0 || sourceTables ? null : (report.imagesMissing ?? "no page images"),
  };
}

/**
 * `review/index.html`: every report with status, template and flags; sortable, filterable (filters kept when the
 * user comes back) and shown 100 rows a page by the page script.
 */
export function renderIndexPage(reports: readonly IndexEntry[], generatedFrom: string): string {
  const years = [...new Set(reports.map((r) => r.year).filter((y) => y !== null))].sort();
  const rules = [...new Set(reports.flatMap((r) => r.rules))].sort();
  const statuses = [...new Set(reports.map((r) => r.status))].sort();
  const templates = [...new Set(reports.map((r) => r.template))].sort();
  const options = (values: readonly (string | number)[], label = (v: string) => v) =>
    values.map((v) => `<option value="${escapeHtml(String(v))}">${escapeHtml(label(String(v)))}</option>`).join("");
  const rows = reports.map((r) => {
    const href = `reports/${hrefOf(r.slug)}.html`;
    return `<tr data-agency="${escapeHtml(r.agency ?? "")}" data-year="${r.year ?? ""}" data-status="${r.status}" data-template="${escapeHtml(r.template)}" data-rules=" ${escapeHtml(r.rules.join(" "))} " data-problems="${r.counts.error + r.counts.warning}">
<td data-sort="${escapeHtml(r.agency ?? "")}"><a href="${href}">${escapeHtml(r.agency ?? "（机关未识别）")}</a></td>
<td data-sort="${r.year ?? ""}">${r.year ?? "—"}</td>
<td>${escapeHtml(r.template)}</td>
<td data-sort="${r.status}">${statusBadge(r.status)}</td>
<td data-sort="${r.counts.error}" class="n sev-error">${r.counts.error}</td>
<td data-sort="${r.counts.warning}" class="n sev-warning">${r.counts.warning}</td>
<td data-sort="${r.counts.info}" class="n sev-info">${r.counts.info}</td>
<td data-sort="${r.cross}" class="n">${r.cross}</td>
<td data-sort="${r.reviewed}" class="n">${r.reviewed}</td>
<td class="rules">${r.rules.map((rule) => `<code>${escapeHtml(rule)}</code>`).join(" ")}</td>
<td class="file" data-sort="${escapeHtml(r.file)}">${escapeHtml(r.file)}${r.imagesMissing === null ? "" : ` <span class="no-img" title="${escapeHtml(r.imagesMissing)}">${bi("无页面图像", "no images")}</span>`}</td>
</tr>`;
  });
  const th = (type: string, zh: string, en: string, title = "") =>
    `<th data-type="${type}"${title ? ` title="${escapeHtml(title)}"` : ""}>${bi(zh, en)}</th>`;
  return `<!doctype html>
<html lang="zh" data-ui="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>政府信息公开工作年度报告 · 审核 · ${reports.length}</title>
<link rel="stylesheet" href="assets/review.css">
</head>
<body class="index-page">
<header class="top">${toolbar()}<h1>${bi("政府信息公开工作年度报告 · 审核", "Annual disclosure reports · review")}</h1><p class="meta">${bi(`共 ${reports.length} 份报告，来自`, `${reports.length} reports from`)} <code>${escapeHtml(generatedFrom)}</code>${bi("。点击列标题排序；打开报告查看页面、单元格和标记。", ". Click a column header to sort; open a report to see its pages, cells and flags.")}</p></header>
<form class="filters" id="filters">
<label>${bi("机关", "Agency")} <input type="search" id="f-agency" placeholder="机关名称"></label>
<label>${bi("年度", "Year")} <select id="f-year"><option value="">—</option>${options(years)}</select></label>
<label>${bi("规则", "Rule")} <select id="f-rule"><option value="">—</option>${options(rules)}</select></label>
<label>${bi("状态", "Status")} <select id="f-status"><option value="">—</option>${options(statuses, (s) => STATUS_LABELS[s]?.[0] ?? s)}</select></label>
<label>${bi("模板", "Template")} <select id="f-template"><option value="">—</option>${options(templates)}</select></label>
<label><input type="checkbox" id="f-flagged"> ${bi("有错误或警告", "with errors or warnings")}</label>
<span id="shown">${reports.length} / ${reports.length}</span>
<span class="pager"><button type="button" id="page-prev">‹</button> <span id="page-info"></span> <button type="button" id="page-next">›</button></span>
</form>
<table id="reports" class="reports">
<thead><tr>${th("text", "机关", "Agency")}${th("number", "年度", "Year")}${th("text", "模板", "Template")}${th("text", "状态", "Status")}${th("number", "错误", "E", "error")}${th("number", "警告", "W", "warning")}${th("number", "提示", "I", "info")}${th("number", "跨报告", "Cross")}${th("number", "已审核", "Reviewed")}${th("text", "规则", "Rules")}${th("text", "文件", "File")}</tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>
<script src="assets/review.js"></script>
</body>
</html>
`;
}
