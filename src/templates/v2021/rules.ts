import type { RuleDef, RuleOf } from "../rule-def.js";
import { issuerLevels } from "./issuer-levels.js";
import { narrativeRules } from "./rules-narrative.js";

/** The 21 result rows of section 三, （一）予以公开 – （六）3.其他, whose sum is （七）总计. */
export const resultRows = [
  "granted",
  "partial",
  "deny_state_secret",
  "deny_law_forbidden",
  "deny_three_security",
  "deny_third_party",
  "deny_internal_affairs",
  "deny_process_info",
  "deny_enforcement_file",
  "deny_admin_query",
  "unable_not_held",
  "unable_need_create",
  "unable_unclear",
  "reject_petition",
  "reject_repeat",
  "reject_publication",
  "reject_massive",
  "reject_confirm",
  "other_no_supplement",
  "other_fee_unpaid",
  "other_other",
] as const;

const applicantColumns = ["natural", "commercial", "research", "social", "legal", "other_org"] as const;

/**
 * Arithmetic the template prints or implies (SPEC §4, severity error), for a layout whose （七）总计 sums
 * `results` (the 2021 layout's 21 rows, the 2019 layout's 18 rows + other_processing).
 */
export function makeSumRules(results: readonly string[], resultsLabel: string): readonly RuleOf<"sum_equals">[] {
  return [
    {
      kind: "sum_equals",
      id: "s3.balance",
      severity: "error",
      checksum: true,
      forEach: "s3_columns",
      path: "s3.{column}",
      subject: { zh: "{label}列", en: "Column {key}" },
      expected: {
        paths: ["s3.new_received.{column}", "s3.carried_over.{column}"],
        label: { zh: "本年新收 + 上年结转", en: "new received + carried over" },
      },
      actual: {
        paths: ["s3.total_processed.{column}", "s3.carried_forward.{column}"],
        label: { zh: "（七）总计 + 结转下年度", en: "total processed + carried forward" },
      },
    },
    {
      kind: "sum_equals",
      id: "s3.row_total",
      severity: "error",
      checksum: true,
      forEach: "s3_rows",
      path: "s3.{row}",
      subject: { zh: "“{label}”行", en: "Row {key}" },
      expected: {
        paths: applicantColumns.map((column) => `s3.{row}.${column}`),
        label: { zh: "六类申请人之和", en: "the sum of the six applicant columns" },
      },
      actual: { paths: ["s3.{row}.total"], label: { zh: "总计", en: "the total" } },
    },
    {
      kind: "sum_equals",
      id: "s3.results_total",
      severity: "error",
      checksum: true,
      forEach: "s3_columns",
      path: "s3.total_processed.{column}",
      subject: { zh: "{label}列", en: "Column {key}" },
      expected: {
        paths: results.map((row) => `s3.${row}.{column}`),
        label: { zh: "（一）至（六）各项办理结果之和", en: resultsLabel },
      },
      actual: { paths: ["s3.total_processed.{column}"], label: { zh: "（七）总计", en: "total processed" } },
    },
    {
      kind: "sum_equals",
      id: "s4.group_total",
      severity: "error",
      checksum: true,
      forEach: "s4_groups",
      path: "s4.{group}",
      subject: { zh: "{label}", en: "Group {key}" },
      expected: {
        paths: ["s4.{group}.upheld", "s4.{group}.corrected", "s4.{group}.other", "s4.{group}.pending"],
        label: {
          zh: "结果维持 + 结果纠正 + 其他结果 + 尚未审结",
          en: "upheld + corrected + other + pending",
        },
      },
      actual: { paths: ["s4.{group}.total"], label: { zh: "总计", en: "the total" } },
    },
  ];
}

/** The county/department 规章 check on the cell that counts 规章 made this year. */
export function rulesIssuerRule(path: string): RuleDef {
  return {
    kind: "issuer_scope",
    id: "s2.rules_issuer",
    severity: "warning",
    path,
    issuerLevels,
    denied: [
      {
        level: "county",
        reason: { zh: "县级及以下机关无权制定规章", en: "agencies at county level and below cannot make 规章" },
      },
      {
        level: "department",
        reason: {
          zh: "地方政府的工作部门无权制定规章（规章由国务院部门和省、设区的市人民政府制定）",
          en: "departments of local governments cannot make 规章 (only State Council departments and provincial or districted-city governments can)",
        },
      },
    ],
  };
}

/** The detected layout against the report year (SPEC §1). */
export const templateYearRule: RuleDef = {
  kind: "template_year",
  id: "template.version_mismatch",
  severity: "warning",
  path: "report.template",
};

/** The per-cell checks every template has. */
export const cellRules: readonly RuleDef[] = [
  { kind: "cell_check", id: "cell.integer", severity: "error", check: "integer", readingCheck: true },
  { kind: "cell_check", id: "cell.missing", severity: "warning", check: "missing" },
  { kind: "cell_check", id: "cell.blank", severity: "info", check: "blank" },
];

/** Every rule of a v2021 report that needs only that report (SPEC §4; cross.* rules compare several). */
export const rules: readonly RuleDef[] = [
  ...cellRules,
  ...makeSumRules(resultRows, "the sum of the 21 result rows"),
  rulesIssuerRule("s2.rules.made"),
  {
    kind: "unit_plausible",
    id: "s2.fee_unit",
    severity: "warning",
    path: "s2.admin_fees.amount_wan",
    issuerLevels,
    patterns: ["(?:收费|收取|征收)[^0-9]{0,12}?{amount}"],
    sentenceContext: ["事业性收费", "收费金额"],
    // 信息处理费 is the disclosure fee of section 三, not the 行政事业性收费 of section 二.
    clauseExclude: [
      ...["信息处理费", "处理费"],
      // Not this year's amount: reductions, rates, changes.
      ...["减免", "减少", "增加", "下降", "标准", "每件", "较上年", "同比"],
    ],
    ratioLimit: 100,
    // 万元: 100亿元 for a county-level agency or a department, 1000亿元 for a city, 1万亿元 for anyone.
    maxWan: { county: 1_000_000, department: 1_000_000, city: 10_000_000, default: 100_000_000 },
  },
  templateYearRule,
  ...narrativeRules,
];
