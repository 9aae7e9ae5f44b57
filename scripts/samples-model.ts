// Keys, labels and arithmetic of the v2021 template as the sample generator needs them (SPEC §2, §4).
// Values are kept flat: dotted path → number, e.g. "s3.granted.natural" → 12.

export const S3_COLUMNS = ["natural", "commercial", "research", "social", "legal", "other_org", "total"] as const;
export type S3Column = (typeof S3_COLUMNS)[number];
export const S3_APPLICANT_COLUMNS = S3_COLUMNS.slice(0, 6);

/** Rows of table 三 in template order; `group` is the merged label cell the row sits under. */
export const S3_ROWS = [
  { key: "new_received", label: "一、本年新收政府信息公开申请数量" },
  { key: "carried_over", label: "二、上年结转政府信息公开申请数量" },
  { key: "granted", label: "（一）予以公开" },
  { key: "partial", label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" },
  { key: "deny_state_secret", label: "1.属于国家秘密", group: "（三）不予公开" },
  { key: "deny_law_forbidden", label: "2.其他法律行政法规禁止公开", group: "（三）不予公开" },
  { key: "deny_three_security", label: "3.危及“三安全一稳定”", group: "（三）不予公开" },
  { key: "deny_third_party", label: "4.保护第三方合法权益", group: "（三）不予公开" },
  { key: "deny_internal_affairs", label: "5.属于三类内部事务信息", group: "（三）不予公开" },
  { key: "deny_process_info", label: "6.属于四类过程性信息", group: "（三）不予公开" },
  { key: "deny_enforcement_file", label: "7.属于行政执法案卷", group: "（三）不予公开" },
  { key: "deny_admin_query", label: "8.属于行政查询事项", group: "（三）不予公开" },
  { key: "unable_not_held", label: "1.本机关不掌握相关政府信息", group: "（四）无法提供" },
  { key: "unable_need_create", label: "2.没有现成信息需要另行制作", group: "（四）无法提供" },
  { key: "unable_unclear", label: "3.补正后申请内容仍不明确", group: "（四）无法提供" },
  { key: "reject_petition", label: "1.信访举报投诉类申请", group: "（五）不予处理" },
  { key: "reject_repeat", label: "2.重复申请", group: "（五）不予处理" },
  { key: "reject_publication", label: "3.要求提供公开出版物", group: "（五）不予处理" },
  { key: "reject_massive", label: "4.无正当理由大量反复申请", group: "（五）不予处理" },
  { key: "reject_confirm", label: "5.要求行政机关确认或重新出具已获取信息", group: "（五）不予处理" },
  {
    key: "other_no_supplement",
    label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    group: "（六）其他处理",
  },
  {
    key: "other_fee_unpaid",
    label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    group: "（六）其他处理",
  },
  { key: "other_other", label: "3.其他", group: "（六）其他处理" },
  { key: "total_processed", label: "（七）总计" },
  { key: "carried_forward", label: "四、结转下年度继续办理" },
] as const;
export type S3Row = (typeof S3_ROWS)[number]["key"];
export const S3_RESULT_ROWS: readonly S3Row[] = S3_ROWS.map((r) => r.key).slice(2, 23);

export const S4_GROUPS = ["review", "suit_direct", "suit_after_review"] as const;
export const S4_FIELDS = ["upheld", "corrected", "other", "pending", "total"] as const;

export const S2_PATHS = [
  "s2.rules.made",
  "s2.rules.repealed",
  "s2.rules.valid",
  "s2.normative_docs.made",
  "s2.normative_docs.repealed",
  "s2.normative_docs.valid",
  "s2.admin_license.decisions",
  "s2.admin_penalty.decisions",
  "s2.admin_coercion.decisions",
  "s2.admin_fees.amount_wan",
] as const;

export const S3_PATHS: readonly string[] = S3_ROWS.flatMap((r) => S3_COLUMNS.map((c) => `s3.${r.key}.${c}`));
export const S4_PATHS: readonly string[] = S4_GROUPS.flatMap((g) => S4_FIELDS.map((f) => `s4.${g}.${f}`));
export const ALL_PATHS: readonly string[] = [...S2_PATHS, ...S3_PATHS, ...S4_PATHS];

export type Values = Record<string, number>;

export interface Flag {
  rule: string;
  path: string;
}

/** Reads a path that must exist; a missing path is a generator defect. */
export function get(values: Values, path: string): number {
  const v = values[path];
  if (v === undefined) throw new Error(`Expected a value at \`${path}\`, got none`);
  return v;
}

function sum(values: Values, paths: readonly string[]): number {
  return paths.reduce((acc, p) => acc + get(values, p), 0);
}

/** The arithmetic flags of SPEC §4 (s3.balance, s3.row_total, s3.results_total, s4.group_total). */
export function checkArithmetic(values: Values): Flag[] {
  const flags: Flag[] = [];
  for (const c of S3_COLUMNS) {
    const left = get(values, `s3.new_received.${c}`) + get(values, `s3.carried_over.${c}`);
    const right = get(values, `s3.total_processed.${c}`) + get(values, `s3.carried_forward.${c}`);
    if (left !== right) flags.push({ rule: "s3.balance", path: `s3.${c}` });
    const results = sum(
      values,
      S3_RESULT_ROWS.map((r) => `s3.${r}.${c}`),
    );
    if (results !== get(values, `s3.total_processed.${c}`))
      flags.push({ rule: "s3.results_total", path: `s3.total_processed.${c}` });
  }
  for (const { key } of S3_ROWS) {
    const parts = sum(
      values,
      S3_APPLICANT_COLUMNS.map((c) => `s3.${key}.${c}`),
    );
    if (parts !== get(values, `s3.${key}.total`)) flags.push({ rule: "s3.row_total", path: `s3.${key}` });
  }
  for (const g of S4_GROUPS) {
    const parts = sum(
      values,
      S4_FIELDS.slice(0, 4).map((f) => `s4.${g}.${f}`),
    );
    if (parts !== get(values, `s4.${g}.total`)) flags.push({ rule: "s4.group_total", path: `s4.${g}` });
  }
  return flags;
}

/** SPEC §4 s2.rules_issuer: county level and below, or a (non-national) department, cannot make 规章. */
export function cannotMakeRules(agency: string): boolean {
  const local = /县|乡|镇|街道/.test(agency) || /区/.test(agency.replaceAll("自治区", ""));
  const department = /(局|委|办|中心|厅)$/.test(agency) && !/^(国家|中华人民共和国)/.test(agency);
  return local || department;
}

/** Mulberry32: a small seeded PRNG so every sample is reproducible from its spec. */
export function makeRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randInt(rng: () => number, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}
