import type { TemplateDef } from "../template-def.js";
import { s3Columns, s3HeaderMarkers } from "../v2021/s3-rows.js";
import { s4Groups, s4HeaderMarkers } from "../v2021/s4-groups.js";
import { rules } from "./rules.js";
import { s2HeaderMarkers, s2Items } from "./s2-items.js";
import { s3GroupLabels, s3Rows } from "./s3-rows.js";
import { markers, s3LayoutMark } from "./version-markers.js";

/**
 * The 2019 trial template (国办公开办函〔2019〕60号), used for reports of 2019–2020 and wherever its layout is
 * printed: section 二 under `s2v19`, section 三 with the single row （六）其他处理, section 四 as in 2021.
 */
export const v2019: TemplateDef = {
  version: "v2019",
  years: { from: 2019, to: 2020 },
  layout: "table",
  sectionLabels: { s2v19: "二、主动公开政府信息情况（2019年版）" },
  markers,
  s3LayoutMark,
  s2Section: "s2v19",
  s2Items,
  s2HeaderMarkers,
  s3Rows,
  s3Columns,
  s3GroupLabels,
  s3HeaderMarkers,
  s4Groups,
  s4HeaderMarkers,
  rules,
};
