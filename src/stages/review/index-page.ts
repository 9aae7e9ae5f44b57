import { CSP, escapeHtml, hrefOf } from "./html.js";
import type { ReviewReport } from "./review-model.js";

/** `review/index.html`: every report with status, template and flags; sortable and filterable in the page. */
export function renderIndexPage(reports: readonly ReviewReport[], generatedFrom: string): string {
  const years = [...new Set(reports.map((r) => r.year).filter((y) => y !== null))].sort();
  const rules = [...new Set(reports.flatMap((r) => r.flags.map((f) => f.rule)))].sort();
  const statuses = [...new Set(reports.map((r) => r.status))].sort();
  const templates = [...new Set(reports.map((r) => r.template))].sort();
  const options = (values: readonly (string | number)[]) =>
    values.map((v) => `<option value="${escapeHtml(String(v))}">${escapeHtml(String(v))}</option>`).join("");
  const rows = reports.map((r) => {
    const count = (severity: string) => r.flags.filter((f) => f.severity === severity).length;
    const cross = r.flags.filter((f) => f.scope === "cross").length;
    const reviewed = Object.keys(r.reviewed).length;
    const ruleSet = [...new Set(r.flags.map((f) => f.rule))].sort();
    const href = `reports/${hrefOf(r.slug)}.html`;
    return `<tr data-agency="${escapeHtml(r.agency ?? "")}" data-year="${r.year ?? ""}" data-status="${r.status}" data-template="${escapeHtml(r.template)}" data-rules=" ${escapeHtml(ruleSet.join(" "))} ">
<td data-sort="${escapeHtml(r.agency ?? "")}"><a href="${href}">${escapeHtml(r.agency ?? "（机关未识别）")}</a></td>
<td data-sort="${r.year ?? ""}">${r.year ?? "—"}</td>
<td>${escapeHtml(r.template)}</td>
<td><span class="status status-${r.status}">${r.status}</span></td>
<td data-sort="${count("error")}" class="n sev-error">${count("error")}</td>
<td data-sort="${count("warning")}" class="n sev-warning">${count("warning")}</td>
<td data-sort="${count("info")}" class="n sev-info">${count("info")}</td>
<td data-sort="${cross}" class="n">${cross}</td>
<td data-sort="${reviewed}" class="n" title="cells corrected or checked in corrections.jsonl">${reviewed}</td>
<td class="rules">${ruleSet.map((rule) => `<code>${escapeHtml(rule)}</code>`).join(" ")}</td>
<td class="file" data-sort="${escapeHtml(r.file)}">${escapeHtml(r.file)}${r.imagesMissing === null ? "" : ' <span class="no-img" title="source not found: no page images">no images</span>'}</td>
</tr>`;
  });
  return `<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>gongkai review · ${reports.length} reports</title>
<link rel="stylesheet" href="assets/review.css">
</head>
<body class="index-page">
<header class="top"><h1>政府信息公开工作年度报告 · review</h1><p class="meta">${reports.length} reports from <code>${escapeHtml(generatedFrom)}</code>. Click a column header to sort; open a report to see its pages, cells and flags.</p></header>
<form class="filters" id="filters">
<label>Agency <input type="search" id="f-agency" placeholder="机关名称"></label>
<label>Year <select id="f-year"><option value="">all</option>${options(years)}</select></label>
<label>Rule <select id="f-rule"><option value="">all</option>${options(rules)}</select></label>
<label>Status <select id="f-status"><option value="">all</option>${options(statuses)}</select></label>
<label>Template <select id="f-template"><option value="">all</option>${options(templates)}</select></label>
<label><input type="checkbox" id="f-flagged"> with errors or warnings</label>
<span id="shown">${reports.length} of ${reports.length}</span>
</form>
<table id="reports" class="reports">
<thead><tr><th data-type="text">Agency</th><th data-type="number">Year</th><th data-type="text">Template</th><th data-type="text">Status</th><th data-type="number" title="errors">E</th><th data-type="number" title="warnings">W</th><th data-type="number" title="info">I</th><th data-type="number" title="cross-report flags">Cross</th><th data-type="number" title="cells corrected or checked">Reviewed</th><th data-type="text">Rules</th><th data-type="text">File</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>
<script src="assets/review.js"></script>
</body>
</html>
`;
}
