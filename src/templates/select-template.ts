import { legacy } from "./legacy/index.js";
import type { TemplateDef, TemplateVersion } from "./template-def.js";
import { v2019 } from "./v2019/index.js";
import { v2021 } from "./v2021/index.js";

/**
 * The template a report is mapped with, from the version its layout shows (SPEC §1: headers first, the
 * year as fallback). The 2019 layout gets its own keys, a pre-2019 report its legacy facts; anything else is
 * read with the 2021 template. `section3` is the layout section 三 prints when it differs (a 2021 report
 * keeping the 2019 single （六）其他处理 row, or the reverse): section 三 is then mapped, and checked, with
 * that layout's rows, while section 二 keeps the detected version's keys.
 */
export function selectTemplate(version: TemplateVersion, section3: TemplateVersion = "unknown"): TemplateDef {
  if (version === "legacy") return legacy;
  const base = version === "v2019" ? v2019 : v2021;
  if (section3 === "v2019" && base === v2021) return V2021_WITH_2019_S3;
  if (section3 === "v2021" && base === v2019) return V2019_WITH_2021_S3;
  return base;
}

/** `base` with section 三 (rows, group labels, derived rows, and the rules over them) taken from `s3`. */
function mixSection3(base: TemplateDef, s3: TemplateDef): TemplateDef {
  const resultsTotal = (s3.rules ?? []).filter((r) => r.id === "s3.results_total");
  const { s3Derived: _baseDerived, ...rest } = base;
  return {
    ...rest,
    s3Rows: s3.s3Rows,
    s3GroupLabels: s3.s3GroupLabels,
    ...(s3.s3Derived ? { s3Derived: s3.s3Derived } : {}),
    rules: (base.rules ?? []).flatMap((r) => (r.id === "s3.results_total" ? [] : [r])).concat(resultsTotal),
  };
}

const V2021_WITH_2019_S3 = mixSection3(v2021, v2019);
const V2019_WITH_2021_S3 = mixSection3(v2019, v2021);
