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

/** Extraction issues in Chinese (the outputs' messages are English): what the code means, before the detail. */
export const ISSUE_LABELS: Readonly<Record<string, string>> = {
  "page.needs_ocr": "此页文字层不可用，需要识别（OCR）",
  "page.ocr": "此页由识别（OCR）读取",
  "page.unreadable": "此页无法读取",
  "page.image_unread": "此页有图片无法解码，图片内容未读取",
  "page.rotated": "此页为旋转页面，已按正向读取",
  "status.partial": "部分读取的原因",
  "ocr.suspect_cell": "疑似识别错误的单元格（数值未改动）",
  "meta.no_title": "未找到报告标题",
  "table.not_found": "未找到表格",
  "table.several": "同一表格出现多次",
  "table.implausible_grid": "页面上的网格线不像表格，已按无线表格读取",
  "rules.failed": "规则检查未能完成",
  encrypted: "文件有密码保护",
  corrupt: "文件为空、截断或损坏",
  not_a_report: "不是政府信息公开工作年度报告",
  unreadable: "扫描页上无法识别任何内容",
  timeout: "处理超时",
  too_large: "文件过大（页数或内存超限）",
  unsupported: "不支持的文件类型",
  internal: "gongkai 内部错误",
};
