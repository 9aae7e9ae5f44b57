/** review/assets/review.css: no external fonts or images (the site makes no network requests). */
export const REVIEW_CSS = `
:root { --text: #1d2330; --muted: #5b6475; --line: #d5d9e0; --error: #c62828; --warning: #d48806; --info: #5b6475;
  --text-box: #1565c0; --ocr-high: #2e7d32; --ocr-mid: #ef6c00; --ocr-low: #c62828; --flag: rgba(255, 193, 7, 0.35);
  --focus: #d500f9; font-family: system-ui, "Noto Sans CJK SC", "Noto Sans SC", sans-serif; color: var(--text); }
* { box-sizing: border-box; }
body { margin: 0; font-size: 14px; }
header.top { padding: 8px 16px; border-bottom: 1px solid var(--line); background: #f7f8fa; }
header.top h1 { font-size: 18px; margin: 4px 0; }
.meta { color: var(--muted); margin: 2px 0; }
code { font-size: 12px; background: #eef0f4; padding: 0 3px; border-radius: 3px; }
.status { padding: 1px 6px; border-radius: 8px; font-size: 12px; white-space: nowrap; }
.status-success { background: #e3f4e5; color: #1b5e20; }
.status-partial_success { background: #fff3cd; color: #7a5b00; }
.status-failure { background: #fde0e0; color: #8e1b1b; }
.sev-error { color: var(--error); } .sev-warning { color: var(--warning); } .sev-info { color: var(--info); }
.filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; padding: 8px 16px; }
.filters label { display: flex; gap: 4px; align-items: center; }
#shown { color: var(--muted); }
table.reports { border-collapse: collapse; margin: 0 16px 24px; width: calc(100% - 32px); }
table.reports th, table.reports td { border-bottom: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
table.reports th { cursor: pointer; user-select: none; background: #f7f8fa; position: sticky; top: 0; }
table.reports th.sorted-asc::after { content: " ▲"; } table.reports th.sorted-desc::after { content: " ▼"; }
table.reports td.n { text-align: right; font-variant-numeric: tabular-nums; }
table.reports td.rules code { margin-right: 2px; }
.no-img { color: var(--muted); font-size: 11px; border: 1px solid var(--line); border-radius: 3px; padding: 0 3px; }
.split { display: flex; height: calc(100vh - 86px); }
.pages-column { flex: 1 1 55%; display: flex; flex-direction: column; min-width: 0; }
.pages { flex: 1 1 auto; overflow: auto; background: #6b7280; padding: 8px; position: relative; }
.side { flex: 1 1 45%; overflow: auto; padding: 8px 12px; border-left: 1px solid var(--line); }
.zoom-bar { flex: none; display: flex; flex-wrap: wrap; gap: 6px; align-items: center; background: #f7f8fa;
  padding: 4px 8px; border-bottom: 1px solid var(--line); }
.legend { margin-left: 12px; color: var(--muted); font-size: 12px; display: flex; gap: 4px; align-items: center; }
.box-key { display: inline-block; width: 14px; height: 10px; border: 2px solid; margin-left: 6px; }
.notice { background: #fff3cd; padding: 8px; border-radius: 4px; }
.page { position: relative; margin: 0 auto 12px; background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.4); }
.page img { display: block; width: 100%; height: 100%; user-select: none; }
.page img.placed { position: absolute; }
.page-no { position: absolute; right: 4px; bottom: 2px; font-size: 11px; color: var(--muted); }
.box { position: absolute; border: 1px solid; cursor: pointer; }
.box.src-text, .box-key.src-text { border-color: var(--text-box); }
.box.src-ocr.conf-high, .box-key.src-ocr.conf-high { border-color: var(--ocr-high); }
.box.src-ocr.conf-mid, .box-key.src-ocr.conf-mid { border-color: var(--ocr-mid); border-width: 2px; }
.box.src-ocr.conf-low, .box-key.src-ocr.conf-low { border-color: var(--ocr-low); border-width: 2px; border-style: dashed; }
.box.flag-error, .box-key.flag-error { background: rgba(198, 40, 40, 0.28); }
.box.flag-warning, .box-key.flag-warning { background: rgba(255, 193, 7, 0.35); }
.box.flag-info { outline: 1px dotted var(--info); }
.box-key.flag-error { border-color: var(--error); } .box-key.flag-warning { border-color: var(--warning); }
.box-key.flag-info { border-color: var(--info); border-style: dotted; }
.box.focus { outline: 3px solid var(--focus); outline-offset: 1px; background: rgba(213, 0, 249, 0.18); z-index: 2; }
.box.selected { outline: 2px dashed var(--focus); }
.side h2 { font-size: 15px; margin: 14px 0 6px; }
.count { color: var(--muted); font-weight: normal; }
ol.flags { list-style: none; padding: 0; margin: 0; }
button.flag { display: block; width: 100%; text-align: left; border: 1px solid var(--line); background: #fff; border-radius: 4px;
  padding: 4px 6px; margin-bottom: 4px; cursor: pointer; font: inherit; color: var(--text); }
button.flag .sev { font-size: 11px; text-transform: uppercase; }
button.flag.sev-error .sev { color: var(--error); } button.flag.sev-warning .sev { color: var(--warning); }
button.flag.sev-info .sev { color: var(--info); }
button.flag.active { border-color: var(--focus); box-shadow: 0 0 0 2px rgba(213, 0, 249, 0.3); }
button.flag .msg { color: var(--muted); font-size: 12px; }
.nums { font-variant-numeric: tabular-nums; }
.cross { font-size: 11px; background: #e8eaf6; padding: 0 4px; border-radius: 3px; }
.panel { border: 2px solid var(--focus); border-radius: 6px; padding: 8px; margin: 6px 0; background: #fdf5ff; }
.panel h3 { margin: 0 0 4px; font-size: 14px; }
.panel dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 4px 0; }
.panel dt { color: var(--muted); }
.panel form { display: grid; grid-template-columns: max-content 1fr; gap: 4px 8px; margin-top: 6px; }
.panel pre { white-space: pre-wrap; word-break: break-all; font-size: 11px; background: #fff; padding: 4px; }
table.values { border-collapse: collapse; margin: 8px 0 16px; font-size: 12px; }
table.values caption { text-align: left; font-weight: bold; padding: 4px 0; }
table.values th, table.values td { border: 1px solid var(--line); padding: 2px 4px; }
table.values th { font-weight: normal; background: #f7f8fa; text-align: left; max-width: 260px; }
table.values td.v { text-align: right; font-variant-numeric: tabular-nums; cursor: pointer; min-width: 34px; }
table.values td.v.blank { color: var(--muted); font-style: italic; }
table.values td.v.missing { background: #fde0e0; }
table.values td.v.src-ocr { text-decoration: underline dotted var(--ocr-high); }
table.values td.v.flag-error { background: rgba(198, 40, 40, 0.22); }
table.values td.v.flag-warning { background: rgba(255, 193, 7, 0.35); }
table.values td.v.flag-info { text-decoration: underline dotted var(--info); }
table.values td.v.focus { outline: 3px solid var(--focus); background: rgba(213, 0, 249, 0.18); }
table.values td.v.selected { outline: 2px dashed var(--focus); }
table.values td.v.corrected { background: #d7f0ec; font-weight: bold; }
table.values td.v.checked::after { content: " ✓"; color: #2e7d32; }
.box.corrected { box-shadow: inset 0 0 0 2px #00897b; }
.box.checked { box-shadow: inset 0 0 0 2px #2e7d32; }
.reviewed { color: #00695c; }
details.info-flags summary { cursor: pointer; color: var(--muted); margin: 4px 0; }
details.issues { margin: 8px 0; color: var(--muted); }
html[data-ui="zh"] .en, html[data-ui="en"] .zh { display: none; }
.toolbar { float: right; display: flex; gap: 6px; align-items: center; }
.report-nav { display: inline-flex; gap: 12px; }
.pager { display: inline-flex; gap: 4px; align-items: center; color: var(--muted); }
.popover { position: fixed; z-index: 20; width: 380px; max-width: calc(100vw - 16px); box-shadow: 0 4px 16px rgba(0, 0, 0, 0.25); }
.popover .close { position: absolute; right: 6px; top: 4px; border: none; background: none; font-size: 18px; cursor: pointer; }
.popover .saved { color: #00695c; font-size: 12px; }
.uncertain, .uncertain-note { background: #ede7f6; color: #4527a0; border-radius: 3px; padding: 0 4px; font-size: 11px; }
.uncertain-note { font-size: 12px; padding: 4px; }
code.rule { font-size: 10px; color: var(--muted); }
.source-view { background: #fff; padding: 8px; border-radius: 4px; }
table.source-table { border-collapse: collapse; margin: 8px 0 16px; font-size: 12px; background: #fff; }
table.source-table td { border: 1px solid var(--line); padding: 2px 4px; vertical-align: top; }
table.source-table td.src-cell { cursor: pointer; box-shadow: inset 0 0 0 1px var(--text-box); text-align: right; }
table.source-table td.src-cell.flag-error { background: rgba(198, 40, 40, 0.22); }
table.source-table td.src-cell.flag-warning { background: rgba(255, 193, 7, 0.35); }
table.source-table td.src-cell.flag-info { outline: 1px dotted var(--info); outline-offset: -3px; }
table.source-table td.src-cell.focus { outline: 3px solid var(--focus); background: rgba(213, 0, 249, 0.18); }
table.source-table td.src-cell.selected { outline: 2px dashed var(--focus); }
.muted { color: var(--muted); }
.page .narrative-mark { position: absolute; border: 2px solid var(--warning); background: rgba(255, 193, 7, 0.12); pointer-events: none; }
.page .narrative-mark.focus { border-color: var(--focus); background: rgba(213, 0, 249, 0.15); }
p.narrative { background: #fffbe6; padding: 4px 6px; border-radius: 4px; font-size: 13px; }
mark.narrative-mark { background: rgba(255, 193, 7, 0.45); }
mark.narrative-mark.focus { outline: 3px solid var(--focus); background: rgba(213, 0, 249, 0.18); }
`;
