import type { TemplateDef } from "../template-def.js";
import { cellRules, templateYearRule } from "../v2021/rules.js";
import { legacyKeys } from "./keys.js";
import { markers } from "./version-markers.js";

/**
 * Reports of 2008–2018 (and any report without a national table): no fixed table, so no template cells;
 * the facts the narrative and any 政府信息公开情况统计表 give, as `legacy.*` keys with provenance, each also
 * under its 2021 key where the meaning is the same. A fact a report does not state is null, not missing:
 * only the integer check applies (no `cell.missing`), and the version/year check.
 */
export const legacy: TemplateDef = {
  version: "legacy",
  years: { to: 2018 },
  layout: "facts",
  sectionLabels: { legacy: "2008–2018年报告（无统一表格）" },
  markers,
  s2Section: "s2",
  s2Items: [],
  s2HeaderMarkers: [],
  s3Rows: [],
  s3Columns: [],
  s3GroupLabels: [],
  s3HeaderMarkers: [],
  s4Groups: [],
  s4HeaderMarkers: [],
  legacyKeys,
  rules: [...cellRules.filter((r) => r.id === "cell.integer"), templateYearRule],
};
