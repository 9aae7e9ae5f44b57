import type { CrossRuleDef } from "../cross-rule-def.js";
import { s3Columns } from "./s3-rows.js";

const COLUMN_EN: Readonly<Record<string, string>> = {
  natural: "natural persons",
  commercial: "commercial enterprises",
  research: "research institutions",
  social: "social welfare organisations",
  legal: "legal service agencies",
  other_org: "other organisations",
  total: "total",
};

/**
 * Cross-report rules (SPEC §4), over two reports of one agency. Section 三's keys are the same in the 2019
 * and 2021 templates, so `cross.carry_over` also pairs a 2020 report with a 2021 one.
 */
export const crossRules: readonly CrossRuleDef[] = [
  {
    kind: "cross_sum",
    id: "cross.carry_over",
    severity: "warning",
    forEach: s3Columns.map((c) => ({ key: c.key, label: { zh: c.label, en: COLUMN_EN[c.key] ?? c.key } })),
    path: "s3.carried_over.{item}",
    actual: { year: "current", path: "s3.carried_over.{item}", sign: 1 },
    expected: [{ year: "previous", path: "s3.carried_forward.{item}", sign: 1 }],
    message: {
      zh: "{year}年报告上年结转（{item}）{actual}件，与{previous}年报告结转下年度{expected}件不符",
      en: "The {year} report carries over {actual} requests ({item}); the {previous} report carried {expected} forward",
    },
  },
  {
    kind: "cross_sum",
    id: "cross.valid_docs",
    severity: "warning",
    forEach: [
      { key: "rules", label: { zh: "规章", en: "rules (规章)" } },
      { key: "normative_docs", label: { zh: "行政规范性文件", en: "normative documents" } },
    ],
    path: "s2.{item}.valid",
    actual: { year: "current", path: "s2.{item}.valid", sign: 1 },
    expected: [
      { year: "previous", path: "s2.{item}.valid", sign: 1 },
      { year: "current", path: "s2.{item}.made", sign: 1 },
      { year: "current", path: "s2.{item}.repealed", sign: -1 },
    ],
    message: {
      zh: "{year}年{item}现行有效{actual}件，而{previous}年现行有效件数加本年制发、减本年废止为{expected}件",
      en: "{year}: {actual} valid {item}, but {previous}'s valid count plus this year's made minus repealed is {expected}",
    },
  },
  {
    kind: "cross_duplicate",
    id: "cross.duplicate",
    severity: "warning",
    path: "values",
    minNonZero: 3,
    message: {
      zh: "{year}年报告的统计表与{previous}年报告完全相同（{count}项数值）",
      en: "The {year} report's tables are identical to the {previous} report's ({count} values)",
    },
  },
];
