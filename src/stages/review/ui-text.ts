import { escapeHtml } from "./html.js";

/**
 * A piece of interface text in both languages: Chinese shown, English when the page's toggle says so
 * (`html[data-ui=en]`, see review.css). Oversight staff read Chinese; the English is for everyone else.
 */
export function bi(zh: string, en: string): string {
  return `<span class="zh">${escapeHtml(zh)}</span><span class="en">${escapeHtml(en)}</span>`;
}

export const STATUS_LABELS: Readonly<Record<string, readonly [string, string]>> = {
  success: ["完整读取", "success"],
  partial_success: ["部分读取", "partial_success"],
  failure: ["读取失败", "failure"],
};

export const SEVERITY_LABELS: Readonly<Record<string, readonly [string, string]>> = {
  error: ["错误", "error"],
  warning: ["警告", "warning"],
  info: ["提示", "info"],
};

export function statusBadge(status: string): string {
  const [zh, en] = STATUS_LABELS[status] ?? [status, status];
  return `<span class="status status-${escapeHtml(status)}">${bi(zh, en)}</span>`;
}

export function severityLabel(severity: string): string {
  const [zh, en] = SEVERITY_LABELS[severity] ?? [severity, severity];
  return bi(zh, en);
}

/** The header controls every page has: the language toggle and the corrections export. */
export function toolbar(): string {
  return `<span class="toolbar"><button type="button" id="export-corrections" disabled>${bi("导出更正 (0)", "Export corrections (0)")}</button> <button type="button" id="lang-toggle" title="中文 / English">中文 / EN</button></span>`;
}
