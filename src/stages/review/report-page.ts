import type { Cell } from "../../model/cell.js";
import { CSP, escapeHtml, formatValue, hrefOf, jsonForScript } from "./html.js";
import { renderTables } from "./report-tables.js";
import type { ReviewFlag, ReviewReport } from "./review-model.js";

/** Confidence bands of the cell outlines (see the legend). */
export function confidenceBand(confidence: number): "high" | "mid" | "low" {
  return confidence >= 0.95 ? "high" : confidence >= 0.7 ? "mid" : "low";
}

/** The HTML of one report's page; it lives in `review/reports/`, images in `review/pages/<slug>/`. */
export function renderReportPage(report: ReviewReport, scale: number): string {
  const flagged = new Set(report.flags.flatMap((f) => f.cells.filter((c) => c.here).map((c) => c.path)));
  const heading = `${report.agency ?? "（机关未识别）"} ${report.year ?? "—"}`;
  const data = {
    file: report.file,
    sha256: report.sha256,
    cells: Object.fromEntries(
      Object.entries(report.cells).map(([p, c]) => {
        const review = report.reviewed[p];
        return [p, { value: review === undefined ? c.value : review.value, printed: c.value, raw: c.raw }];
      }),
    ),
    flags: report.flags,
  };
  return `<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${escapeHtml(heading)} · gongkai review</title>
<link rel="stylesheet" href="../assets/review.css">
</head>
<body class="report-page">
<header class="top">
<a href="../index.html" id="back">← all reports</a>
<h1>${escapeHtml(heading)}</h1>
<p class="meta">${escapeHtml(report.title ?? "")} · <span class="status status-${report.status}">${report.status}</span> · template ${escapeHtml(report.template)} · ${escapeHtml(report.sourceFile)} · <code>${escapeHtml(report.file)}</code>${describeReview(report)}</p>
</header>
<main class="split">
<section id="pages" class="pages" style="--zoom: 1">
<div class="zoom-bar"><button type="button" id="zoom-out" title="zoom out">−</button><span id="zoom-level">100%</span><button type="button" id="zoom-in" title="zoom in">+</button><button type="button" id="zoom-reset">fit</button>
<span class="legend"><span class="box-key src-text conf-high"></span>text <span class="box-key src-ocr conf-high"></span>OCR ≥ 0.95 <span class="box-key src-ocr conf-mid"></span>OCR ≥ 0.7 <span class="box-key src-ocr conf-low"></span>OCR &lt; 0.7 <span class="box-key flagged"></span>flagged</span></div>
${report.imagesMissing === null ? "" : `<p class="notice" id="no-images">No page images: ${escapeHtml(report.imagesMissing)}. The extracted tables and flags are shown on the right.</p>`}
${report.pages.map((p) => renderPage(report, p, flagged, scale)).join("\n")}
</section>
<section class="side">
<div id="flag-detail" class="panel" hidden></div>
<h2>Flags <span class="count">${report.flags.length}</span></h2>
${renderFlagList(report.flags)}
${renderIssues(report)}
<div id="cell-detail" class="panel" hidden></div>
<h2>Extracted tables</h2>
${renderTables(report.cells, flagged, report.reviewed)}
</section>
</main>
<script type="application/json" id="review-data">${jsonForScript(data)}</script>
<script src="../assets/review.js"></script>
</body>
</html>
`;
}

function renderPage(
  report: ReviewReport,
  page: ReviewReport["pages"][number],
  flagged: ReadonlySet<string>,
  scale: number,
): string {
  const boxes = Object.entries(report.cells)
    .filter(([, cell]) => cell.page === page.page && cell.bbox !== null)
    .map(([path, cell]) => renderBox(path, cell, page, flagged.has(path), report.reviewed[path]?.checked));
  const width = Math.round(page.width * scale);
  const src = `../pages/${hrefOf(report.slug)}/${page.image}`;
  return `<div class="page" id="page-${page.page}" data-page="${page.page}" data-width="${width}" style="width: calc(var(--zoom) * ${width}px); aspect-ratio: ${page.width} / ${page.height}">
<img src="${src}" alt="page ${page.page}" loading="lazy" draggable="false">
${boxes.join("\n")}
<span class="page-no">p.${page.page}</span>
</div>`;
}

function renderBox(
  path: string,
  cell: Cell,
  page: { width: number; height: number },
  flagged: boolean,
  checked: boolean | undefined,
): string {
  const [x0, y0, x1, y1] = cell.bbox ?? [0, 0, 0, 0];
  const pct = (v: number, of: number) => `${Math.round((v / of) * 1e5) / 1e3}%`;
  const style = `left: ${pct(x0, page.width)}; top: ${pct(y0, page.height)}; width: ${pct(x1 - x0, page.width)}; height: ${pct(y1 - y0, page.height)}`;
  const classes = ["box", `src-${cell.source}`, `conf-${confidenceBand(cell.confidence)}`];
  if (flagged) classes.push("flagged");
  if (checked !== undefined) classes.push(checked ? "checked" : "corrected");
  const title = `${path} = ${formatValue(cell.value)} (printed “${cell.raw ?? ""}”, ${cell.source}, confidence ${cell.confidence})`;
  return `<div class="${classes.join(" ")}" data-path="${escapeHtml(path)}" style="${style}" title="${escapeHtml(title)}"></div>`;
}

/** Errors, then warnings, then the info flags (blank cells: often many) folded away; `data-flag` is the index in data. */
function renderFlagList(flags: readonly ReviewFlag[]): string {
  if (flags.length === 0) return `<p class="empty">No flags: the tables pass every rule.</p>`;
  const order = { error: 0, warning: 1, info: 2 } as const;
  const items = flags
    .map((flag, i) => ({ flag, i }))
    .sort((a, b) => order[a.flag.severity] - order[b.flag.severity] || a.i - b.i);
  const main = items.filter(({ flag }) => flag.severity !== "info");
  const info = items.filter(({ flag }) => flag.severity === "info");
  const list = (entries: typeof items, id: string) =>
    `<ol class="flags" id="${id}">\n${entries.map(({ flag, i }) => renderFlagItem(flag, i)).join("\n")}\n</ol>`;
  const parts = main.length > 0 ? [list(main, "flag-list")] : [];
  if (info.length > 0) {
    parts.push(
      `<details class="info-flags"${main.length === 0 ? " open" : ""}><summary>${info.length} info flag(s)</summary>${list(info, "info-flag-list")}</details>`,
    );
  }
  return parts.join("\n");
}

function renderFlagItem(flag: ReviewFlag, i: number): string {
  const paths = flag.cells.filter((c) => c.here).map((c) => c.path);
  const numbers =
    flag.expected === null && flag.actual === null
      ? ""
      : ` <span class="nums">expected ${formatValue(flag.expected)} · actual ${formatValue(flag.actual)}</span>`;
  return `<li><button type="button" class="flag sev-${flag.severity}" data-flag="${i}" data-rule="${escapeHtml(flag.rule)}" data-cells="${escapeHtml(paths.join(" "))}"><span class="sev">${flag.severity}</span> <b>${escapeHtml(flag.rule)}</b>${flag.scope === "cross" ? ' <span class="cross">cross-report</span>' : ""} <code>${escapeHtml(flag.path)}</code>${numbers}<br><span class="msg">${escapeHtml(flag.message.zh)}</span></button></li>`;
}

function renderIssues(report: ReviewReport): string {
  if (report.issues.length === 0) return "";
  const items = report.issues.map(
    (i) =>
      `<li><span class="sev">${escapeHtml(i.severity)}</span> <code>${escapeHtml(i.code)}</code> ${escapeHtml(i.message)}</li>`,
  );
  return `<details class="issues"><summary>Extraction issues (${report.issues.length})</summary><ul>${items.join("")}</ul></details>`;
}

function describeReview(report: ReviewReport): string {
  const all = Object.values(report.reviewed);
  if (all.length === 0) return "";
  const checked = all.filter((r) => r.checked).length;
  return ` · <span class="reviewed">${all.length - checked} corrected, ${checked} checked (corrections.jsonl; flags after corrections)</span>`;
}
