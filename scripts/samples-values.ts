// Consistent table values for a sample, drawn from a seeded PRNG; overrides are applied afterwards
// (a sample that must break the arithmetic overrides cells, and the checker derives the flags).
import {
  ALL_PATHS,
  get,
  makeRng,
  randInt,
  S2_PATHS,
  S3_APPLICANT_COLUMNS,
  S3_RESULT_ROWS,
  S4_FIELDS,
  S4_GROUPS,
  type Values,
} from "./samples-model.js";

export interface ValueSpec {
  seed: number;
  /** Rough number of applications handled this year; 0 gives an all-zero section 三. */
  applications: number;
  /** Rough number of 行政复议 + 行政诉讼 cases; 0 gives an all-zero section 四. */
  disputes: number;
  /** Section 二 values; unspecified paths are drawn at random. */
  s2?: Partial<Record<(typeof S2_PATHS)[number], number>>;
  /** Cells set after the consistent draw (to break a rule, or pin a printed number). */
  overrides?: Record<string, number>;
  /** Deltas added to cells after the overrides (to break a rule relative to the drawn value). */
  adjust?: Record<string, number>;
}

/** Probability that a result row is used at all, and its relative weight when it is. */
const ROW_WEIGHTS: Record<string, [number, number]> = {
  granted: [1, 50],
  partial: [0.8, 12],
  deny_state_secret: [0.15, 1],
  deny_law_forbidden: [0.3, 2],
  deny_three_security: [0.15, 1],
  deny_third_party: [0.4, 2],
  deny_internal_affairs: [0.35, 2],
  deny_process_info: [0.5, 3],
  deny_enforcement_file: [0.3, 2],
  deny_admin_query: [0.4, 3],
  unable_not_held: [0.95, 20],
  unable_need_create: [0.6, 4],
  unable_unclear: [0.5, 3],
  reject_petition: [0.6, 4],
  reject_repeat: [0.6, 4],
  reject_publication: [0.3, 1],
  reject_massive: [0.2, 2],
  reject_confirm: [0.3, 1],
  other_no_supplement: [0.6, 4],
  other_fee_unpaid: [0.2, 1],
  other_other: [0.7, 5],
};
const COLUMN_WEIGHTS = [80, 10, 1, 2, 4, 3];

function pickColumn(rng: () => number): number {
  const total = COLUMN_WEIGHTS.reduce((a, b) => a + b, 0);
  let x = rng() * total;
  for (const [i, w] of COLUMN_WEIGHTS.entries()) {
    x -= w;
    if (x < 0) return i;
  }
  return 0;
}

function drawSection3(rng: () => number, applications: number, v: Values): void {
  for (const path of ALL_PATHS.filter((p) => p.startsWith("s3."))) v[path] = 0;
  if (applications === 0) return;
  for (const row of S3_RESULT_ROWS) {
    const [p, w] = ROW_WEIGHTS[row] ?? [0, 0];
    if (rng() >= p) continue;
    const n = Math.max(1, Math.round((applications * w * (0.5 + rng())) / 120));
    for (let i = 0; i < n; i++) {
      const c = S3_APPLICANT_COLUMNS[pickColumn(rng)] ?? "natural";
      v[`s3.${row}.${c}`] = get(v, `s3.${row}.${c}`) + 1;
    }
  }
  for (const c of S3_APPLICANT_COLUMNS) {
    const processed = S3_RESULT_ROWS.reduce((acc, r) => acc + get(v, `s3.${r}.${c}`), 0);
    v[`s3.total_processed.${c}`] = processed;
    const forward = processed > 0 && rng() < 0.6 ? randInt(rng, 0, Math.ceil(processed / 8)) : 0;
    const over = rng() < 0.6 ? randInt(rng, 0, Math.min(processed + forward, Math.ceil(processed / 6))) : 0;
    v[`s3.carried_forward.${c}`] = forward;
    v[`s3.carried_over.${c}`] = over;
    v[`s3.new_received.${c}`] = processed + forward - over;
  }
  fillRowTotals(v);
}

/** Sets every s3 row's 总计 to the sum of its six applicant columns. */
export function fillRowTotals(v: Values): void {
  for (const path of ALL_PATHS.filter((p) => p.startsWith("s3.") && p.endsWith(".total"))) {
    const row = path.slice(0, -".total".length);
    v[path] = S3_APPLICANT_COLUMNS.reduce((acc, c) => acc + get(v, `${row}.${c}`), 0);
  }
}

function drawSection4(rng: () => number, disputes: number, v: Values): void {
  for (const g of S4_GROUPS) {
    const share = g === "review" ? 0.6 : g === "suit_direct" ? 0.3 : 0.1;
    let total = 0;
    for (const f of S4_FIELDS.slice(0, 4)) {
      const n = disputes === 0 || rng() < 0.35 ? 0 : randInt(rng, 0, Math.ceil(disputes * share * 0.6));
      v[`s4.${g}.${f}`] = n;
      total += n;
    }
    v[`s4.${g}.total`] = total;
  }
}

function drawSection2(rng: () => number, spec: ValueSpec, v: Values): void {
  const defaults: Record<string, number> = {
    "s2.rules.made": 0,
    "s2.rules.repealed": 0,
    "s2.rules.valid": 0,
    "s2.normative_docs.made": randInt(rng, 0, 12),
    "s2.normative_docs.repealed": randInt(rng, 0, 5),
    "s2.normative_docs.valid": randInt(rng, 8, 90),
    "s2.admin_license.decisions": randInt(rng, 0, 900),
    "s2.admin_penalty.decisions": randInt(rng, 0, 300),
    "s2.admin_coercion.decisions": randInt(rng, 0, 20),
    "s2.admin_fees.amount_wan": 0,
  };
  for (const path of S2_PATHS) v[path] = spec.s2?.[path] ?? defaults[path] ?? 0;
}

/** Draws the 200 template values of one sample: consistent, then overridden. */
export function makeValues(spec: ValueSpec): Values {
  const rng = makeRng(spec.seed);
  const v: Values = {};
  drawSection2(rng, spec, v);
  drawSection3(rng, spec.applications, v);
  drawSection4(rng, spec.disputes, v);
  for (const [path, n] of Object.entries(spec.overrides ?? {})) {
    if (!(path in v)) throw new Error(`Expected an override path of the template, got \`${path}\``);
    v[path] = n;
  }
  for (const [path, delta] of Object.entries(spec.adjust ?? {})) v[path] = get(v, path) + delta;
  return v;
}
