import type { Cell } from "../../model/cell.js";
import { cellLabel } from "./cell-label.js";
import { CSP, escapeHtml, formatValue, hrefOf, jsonForScript } from "./html.js";
import type { NarrativeMark } from "./narrative-clause.js";
import { renderTables } from "./report-tables.js";
import type { ReviewFlag, ReviewReport } from "./review-model.js";
import { bi, ISSUE_LABELS, severityLabel, statusBadge, toolbar } from "./ui-text.js";

/** Confidence bands of the cell outlines (see the legend). */
export function confidenceBand(confidence: number): "high" | "mid" | "low" {
  return confidence >= 0.95 ? "high" : confidence >= 0.7 ? "mid" : "low";
}

/** The slugs of the reports before and after this one in the index's order. */
export interface Neighbours {
  readonly previous: string | null;
  readonly next: string | null;
}

export interface ReportPageParts {
  readonly scale: number;
  readonly neighbours: Neighbours;
  /** The source's own tables (HTML, .docx) with the extracted cells marked, in place of page images. */
  readonly sourceTables: string | null;
  /** A link to the source file, relative to `review/reports/`. */
  readonly sourceHref: string | null;
  /** The folder of the page images under `review/pages/`. */
  readonly pagesKey: string;
  /** Where narrative flags' sentences are printed on the pages. */
  readonly narrativeMarks: readonly NarrativeMark[];
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** For each cell a flag of this report names: the most severe of those flags (error over warning over info). */
export function flaggedSeverities(flags: readonly ReviewFlag[]): Map<string, ReviewFlag["severity"]> {
  const flagged = new Map<string, ReviewFlag["severity"]>();
  for (const flag of flags) {
    for (const cell of flag.cells) {
      if (!cell.here) continue;
      const known = flagged.get(cell.path);
      if (known === undefined || SEVERITY_ORDER[flag.severity] < SEVERITY_ORDER[known]) {
        flagged.set(cell.path, flag.severity);
      }
    }
  }
  return flagged;
}

/** The HTML of one report's page; it lives in `review/reports/`, images in `review/pages/<key>/`. */
export function renderReportPage(report: ReviewReport, parts: ReportPageParts): string {
  const flagged = flaggedSeverities(report.flags);
  const heading = `${report.agency ?? "（机关未识别）"} ${report.year ?? "—"}`;
  const data = {
    file: report.file,
    sha256: report.sha256,
    cells: Object.fromEntries(
      Object.entries(report.cells).map(([p, c]) => {
        const review = report.reviewed[p];
        return [
          p,
          {
            value: review === undefined ? c.value : review.value,
            printed: c.value,
            raw: c.raw,
            label: cellLabel(p),
            source: c.source,
            confidence: c.confidence,
            page: c.page,
            locator: c.locator ?? null,
          },
        ];
      }),
    ),
    flags: report.flags,
  };
  const { previous, next } = parts.neighbours;
  const nav = `<nav class="report-nav"><a href="../index.html" id="back">${bi("← 全部报告", "← all reports")}</a>${
    previous === null
      ? ""
      : ` <a href="${hrefOf(previous)}.html" id="prev-report" rel="prev">${bi("‹ 上一份", "‹ previous")}</a>`
  }${next === null ? "" : ` <a href="${hrefOf(next)}.html" id="next-report" rel="next">${bi("下一份 ›", "next ›")}</a>`}</nav>`;
  const source =
    parts.sourceHref === null
      ? escapeHtml(report.sourceFile)
      : `<a href="${parts.sourceHref}" id="source-link">${escapeHtml(report.sourceFile)}</a>`;
  return `<!doctype html>
<html lang="zh" data-ui="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${escapeHtml(heading)} · gongkai 审核</title>
<link rel="stylesheet" href="../assets/review.css">
</head>
<body class="report-page">
<header class="top">
${nav}${toolbar()}
<h1>${escapeHtml(heading)}</h1>
<p class="meta">${escapeHtml(report.title ?? "")} · ${statusBadge(report.status)} · ${bi("模板", "template")} ${escapeHtml(report.template)} · ${bi("原文件", "source")} ${source} · <code>${escapeHtml(report.file)}</code>${describeReview(report)}</p>
</header>
<main class="split">
<section class="pages-column">
${renderZoomBar(report, parts.sourceTables !== null)}
<div id="pages" class="pages" style="--zoom: 1">
${report.imagesMissing === null ? "" : `<p class="notice" id="no-images">${bi("没有页面图像：", "No page images: ")}${escapeHtml(report.imagesMissing)}${bi("。右侧仍显示提取的表格和标记。", ". The extracted tables and flags are shown on the right.")}</p>`}
${parts.sourceTables === null ? "" : `<div class="source-view" id="source-view"><p class="muted">${bi("原文件中的表格（HTML / Word 无页面）：提取的单元格已标出。", "The tables as the source writes them (HTML / Word have no pages): extracted cells are outlined.")}</p>${parts.sourceTables}</div>`}
${report.pages.map((p) => renderPage(report, p, flagged, parts)).join("\n")}
</div>
</section>
<section class="side">
<div id="flag-detail" class="panel" hidden></div>
<h2>${bi("标记", "Flags")} <span class="count">${report.flags.length}</span></h2>
${renderFlagList(report.flags)}
${renderIssues(report)}
<h2>${bi("提取的表格", "Extracted tables")}</h2>
${renderTables(report.cells, flagged, report.reviewed)}
</section>
</main>
<div id="cell-detail" class="panel popover" hidden></div>
<script type="application/json" id="review-data">${jsonForScript(data)}</script>
<script src="../assets/review.js"></script>
</body>
</html>
`;
}

/** Above the page pane, not inside it: it never covers a page. */
function renderZoomBar(report: ReviewReport, markup: boolean): string {
  const zoom =
    report.pages.length === 0
      ? ""
      : `<button type="button" id="zoom-out" title="缩小 / zoom out">−</button><span id="zoom-level">100%</span><button type="button" id="zoom-in" title="放大 / zoom in">+</button><button type="button" id="zoom-reset">${bi("适合宽度", "fit")}</button>`;
  const legend = markup
    ? ""
    : `<span class="legend"><span class="box-key src-text conf-high"></span>${bi("文字层", "text")} <span class="box-key src-ocr conf-high"></span>OCR ≥ 0.95 <span class="box-key src-ocr conf-mid"></span>OCR ≥ 0.7 <span class="box-key src-ocr conf-low"></span>OCR &lt; 0.7</span>`;
  return `<div class="zoom-bar" id="zoom-bar">${zoom}${legend}<span class="legend"><span class="box-key flag-error"></span>${bi("错误", "error")} <span class="box-key flag-warning"></span>${bi("警告", "warning")} <span class="box-key flag-info"></span>${bi("提示", "info")}</span></div>`;
}

function renderPage(
  report: ReviewReport,
  page: ReviewReport["pages"][number],
  flagged: ReadonlyMap<string, string>,
  parts: ReportPageParts,
): string {
  const boxes = Object.entries(report.cells)
    .filter(([, cell]) => cell.page === page.page && cell.bbox !== null)
    .map(([path, cell]) => renderBox(path, cell, page, flagged.get(path), report.reviewed[path]?.checked));
  const marks = parts.narrativeMarks
    .filter((m) => m.page === page.page)
    .map((m) => {
      const [x0, y0, x1, y1] = m.bbox;
      const pct = (v: number, of: number) => `${Math.round((v / of) * 1e5) / 1e3}%`;
      const style = `left: ${pct(x0, page.width)}; top: ${pct(y0, page.height)}; width: ${pct(x1 - x0, page.width)}; height: ${pct(y1 - y0, page.height)}`;
      return `<div class="narrative-mark" data-flag="${m.flag}" style="${style}" title="正文 / narrative"></div>`;
    });
  const width = Math.round(page.width * parts.scale);
  const src = `../pages/${hrefOf(parts.pagesKey)}/${page.image}`;
  return `<div class="page" id="page-${page.page}" data-page="${page.page}" data-width="${width}" style="width: calc(var(--zoom) * ${width}px); aspect-ratio: ${page.width} / ${page.height}">
<img src="${src}" alt="第 ${page.page} 页" loading="lazy" draggable="false"${pictureStyle(page)}>
${[...boxes, ...marks].join("\n")}
<span class="page-no">${page.page}</span>
</div>`;
}

/** A picture that shows part of the page (a scan's JPEG as the PDF places it) is placed there, white around it. */
function pictureStyle(page: ReviewReport["pages"][number]): string {
  const { picture } = page;
  if (picture === undefined) return "";
  const pct = (v: number, of: number) => `${Math.round((v / of) * 1e5) / 1e3}%`;
  return ` class="placed" style="left: ${pct(picture.x, page.width)}; top: ${pct(picture.y, page.height)}; width: ${pct(picture.width, page.width)}; height: ${pct(picture.height, page.height)}"`;
}

function renderBox(
  path: string,
  cell: Cell,
  page: { width: number; height: number },
  severity: string | undefined,
  checked: boolean | undefined,
): string {
  const [x0, y0, x1, y1] = cell.bbox ?? [0, 0, 0, 0];
  const pct = (v: number, of: number) => `${Math.round((v / of) * 1e5) / 1e3}%`;
  const style = `left: ${pct(x0, page.width)}; top: ${pct(y0, page.height)}; width: ${pct(x1 - x0, page.width)}; height: ${pct(y1 - y0, page.height)}`;
  const classes = ["box", `src-${cell.source}`, `conf-${confidenceBand(cell.confidence)}`];
  if (severity !== undefined) classes.push(`flag-${severity}`);
  if (checked !== undefined) classes.push(checked ? "checked" : "corrected");
  const title = `${cellLabel(path)} = ${formatValue(cell.value)}（“${cell.raw ?? ""}”，${cell.source}，${cell.confidence}）`;
  return `<div class="${classes.join(" ")}" data-path="${escapeHtml(path)}" style="${style}" title="${escapeHtml(title)}"></div>`;
}

/** Errors, then warnings, then the info flags (blank cells: often many) folded away; `data-flag` is the index in data. */
function renderFlagList(flags: readonly ReviewFlag[]): string {
  if (flags.length === 0)
    return `<p class="empty">${bi("没有标记：表格通过全部规则。", "No flags: the tables pass every rule.")}</p>`;
  const items = flags
    .map((flag, i) => ({ flag, i }))
    .sort((a, b) => SEVERITY_ORDER[a.flag.severity] - SEVERITY_ORDER[b.flag.severity] || a.i - b.i);
  const main = items.filter(({ flag }) => flag.severity !== "info");
  const info = items.filter(({ flag }) => flag.severity === "info");
  const list = (entries: typeof items, id: string) =>
    `<ol class="flags" id="${id}">\n${entries.map(({ flag, i }) => renderFlagItem(flag, i)).join("\n")}\n</ol>`;
  const parts = main.length > 0 ? [list(main, "flag-list")] : [];
  if (info.length > 0) {
    parts.push(
      `<details class="info-flags"${main.length === 0 ? " open" : ""}><summary>${bi(`${info.length} 条提示（空白单元格等）`, `${info.length} info flag(s)`)}</summary>${list(info, "info-flag-list")}</details>`,
    );
  }
  return parts.join("\n");
}

function renderFlagItem(flag: ReviewFlag, i: number): string {
  const paths = flag.cells.filter((c) => c.here).map((c) => c.path);
  const numbers =
    flag.expected === null && flag.actual === null
      ? ""
      : ` <span class="nums">${bi("应为", "expected")} ${formatValue(flag.expected)} · ${bi("实际", "actual")} ${formatValue(flag.actual)}</span>`;
  const uncertain = flag.uncertain_reading
    ? ` <span class="uncertain" title="读数不确定 / uncertain reading">${bi("读数存疑", "uncertain reading")}</span>`
    : "";
  return `<li><button type="button" class="flag sev-${flag.severity}" data-flag="${i}" data-rule="${escapeHtml(flag.rule)}" data-path="${escapeHtml(flag.path)}" data-severity="${flag.severity}" data-cells="${escapeHtml(paths.join(" "))}"><span class="sev">${severityLabel(flag.severity)}</span> <b>${escapeHtml(flag.pathLabel)}</b>${flag.scope === "cross" ? ` <span class="cross">${bi("跨报告", "cross-report")}</span>` : ""}${uncertain}${numbers}<br><span class="msg"><span class="zh">${escapeHtml(flag.message.zh)}</span><span class="en">${escapeHtml(flag.message.en)}</span></span> <code class="rule">${escapeHtml(flag.rule)}</code></button></li>`;
}

function renderIssues(report: ReviewReport): string {
  if (report.issues.length === 0) return "";
  const items = report.issues.map(
    (i) =>
      `<li><span class="sev">${severityLabel(i.severity)}</span> ${ISSUE_LABELS[i.code] === undefined ? "" : `<b class="zh">${escapeHtml(ISSUE_LABELS[i.code] ?? "")}：</b>`}<code>${escapeHtml(i.code)}</code> ${escapeHtml(i.message)}</li>`,
  );
  return `<details class="issues"><summary>${bi(`读取问题（${report.issues.length}）`, `Extraction issues (${report.issues.length})`)}</summary><ul>${items.join("")}</ul></details>`;
}

function describeReview(report: ReviewReport): string {
  const all = Object.values(report.reviewed);
  if (all.length === 0) return "";
  const checked = all.filter((r) => r.checked).length;
  return ` · <span class="reviewed">${bi(`已更正 ${all.length - checked}，已核对 ${checked}（corrections.jsonl；标记按更正后重算）`, `${all.length - checked} corrected, ${checked} checked (corrections.jsonl; flags after corrections)`)}</span>`;
}
