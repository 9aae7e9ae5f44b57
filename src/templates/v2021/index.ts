import type { TemplateDef } from "../template-def.js";
import { rules } from "./rules.js";
import { s2HeaderMarkers, s2Items } from "./s2-items.js";
import { s3Columns, s3Derived, s3GroupLabels, s3HeaderMarkers, s3Rows } from "./s3-rows.js";
import { s4Groups, s4HeaderMarkers } from "./s4-groups.js";
import { markers, s3LayoutMark } from "./version-markers.js";

/** The 2021 national template (国办公开办函〔2021〕30号), used for reports of 2021 on. */
export const v2021: TemplateDef = {
  version: "v2021",
  years: { from: 2021 },
  layout: "table",
  sectionLabels: {
    s2: "二、主动公开政府信息情况",
    s3: "三、收到和处理政府信息公开申请情况",
    s4: "四、政府信息公开行政复议、行政诉讼情况",
  },
  markers,
  s3LayoutMark,
  s2Section: "s2",
  s2Items,
  s2HeaderMarkers,
  s3Rows,
  s3Columns,
  s3Derived,
  s3GroupLabels,
  s3HeaderMarkers,
  s4Groups,
  s4HeaderMarkers,
  rules,
};
