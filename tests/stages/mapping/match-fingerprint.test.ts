import { describe, expect, it } from "vitest";
import { matchesFingerprint, matchKeys } from "../../../src/stages/mapping/match-fingerprint.js";
import { s2HeaderMarkers, s2Items } from "../../../src/templates/v2021/s2-items.js";
import { s3Columns, s3GroupLabels, s3Rows } from "../../../src/templates/v2021/s3-rows.js";

/** Realistic printings of each s3 row label (SPEC §3.3), beside the official one. */
const S3_VARIANTS: readonly (readonly [string, string])[] = [
  ["new_received", "一、 本年新收 政府信息公开申请数量"],
  ["new_received", "一、本年新收政府信息公开申请数量（件）"],
  ["carried_over", "二、上年结转政府信息 公开申请数量"],
  ["granted", "三、本年度办理结果（一）予以公开"],
  ["granted", "三、本年度办理结果 (一)予以公开"],
  ["granted", "(一) 予以公开"],
  ["partial", "（二）部分公开"],
  ["partial", "(二)部分公开(区分处理的,只计这一情形,不计其他情形)"],
  ["partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形"],
  ["deny_state_secret", "（三）不予公开1.属于国家秘密"],
  ["deny_state_secret", "(三)不予公开 1、属于国家秘密"],
  ["deny_state_secret", "1、属于国家秘密"],
  ["deny_law_forbidden", "2.其他法律行政止公开"],
  ["deny_law_forbidden", "2、其他法律行政法规禁止公开"],
  ["deny_three_security", '3.危及"三安全一稳定"'],
  ["deny_three_security", "3、危及「三安全一稳定」"],
  ["deny_three_security", "3.危及 “三安全 一稳定”"],
  ["deny_third_party", "4、保护第三方合法权益"],
  ["deny_internal_affairs", "5．属于三类内部 事务信息"],
  ["deny_process_info", "6、属于四类过程性信息"],
  ["deny_enforcement_file", "7. 属于行政执法案卷"],
  ["deny_admin_query", "8、属于行政查询事项"],
  ["unable_not_held", "（四）无法提供1.本机关不掌握相关政府信息"],
  ["unable_not_held", "(四)无法提供 1、本机关不掌握相关政府信息"],
  ["unable_need_create", "2、没有现成信息需要另行制作"],
  ["unable_unclear", "3、补正后申请内容仍不明确"],
  ["reject_petition", "（五）不予处理1.信访举报投诉类申请"],
  ["reject_petition", "1、信访举报投诉类申请"],
  ["reject_repeat", "2、重复申请"],
  ["reject_publication", "3、要求提供公开出版物"],
  ["reject_massive", "4、无正当理由大量反复申请"],
  ["reject_confirm", "5、要求行政机关确认或重新出具已获取信息"],
  ["other_no_supplement", "（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"],
  ["other_no_supplement", "1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"],
  ["other_fee_unpaid", "2、申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"],
  ["other_other", "3、其他"],
  ["other_other", "3. 其 他"],
  ["other_other", "（六）其他处理3.其他"],
  ["other_other", "(六)其他处理 3、其他"],
  ["total_processed", "(七)总计"],
  ["total_processed", "（七） 总 计"],
  ["total_processed", "（七）合计"],
  ["carried_forward", "四、结转下一年度继续办理"],
  ["carried_forward", "四、结转下年度 继续办理"],
];

/** Pieces of labels wrapped over 2–3 lines: the piece carrying a keyword names its row. */
const WRAPPED_PIECES: readonly (readonly [string, string | null])[] = [
  ["1.申请人无正当理由逾期", null],
  ["不补正、行政机关不再处理", "other_no_supplement"],
  ["2.申请人逾期未按收费", null],
  ["通知要求缴纳费用、行政", "other_fee_unpaid"],
  ["机关不再处理其政府信息公开申请", null],
  ["5.要求行政机关确认或", null],
  ["重新出具已获取信息", "reject_confirm"],
  ["1.本机关不掌握相", "unable_not_held"],
  ["关政府信息", null],
  ["2.没有现成信息需要", "unable_need_create"],
  ["（二）部分公开（区分处", "partial"],
  ["理的，只计这一情形，不计其他情形）", null],
];

describe("matchKeys: section 三 rows", () => {
  it("the template has the 25 rows of SPEC §2", () => {
    expect(s3Rows).toHaveLength(25);
    expect(new Set(s3Rows.map((r) => r.key)).size).toBe(25);
  });

  it.each(s3Rows.map((row) => [row.label, row.key] as const))("official label %s → %s only", (label, key) => {
    expect(matchKeys(label, s3Rows)).toEqual([key]);
  });

  it.each(S3_VARIANTS.map(([key, label]) => [label, key] as const))("variant %j → %s only", (label, key) => {
    expect(matchKeys(label, s3Rows)).toEqual([key]);
  });

  it("every row has at least one realistic variant in this table", () => {
    const covered = new Set(S3_VARIANTS.map(([key]) => key));
    expect(s3Rows.map((r) => r.key).filter((key) => !covered.has(key))).toEqual([]);
  });

  it.each(WRAPPED_PIECES)("wrapped piece %j → %s", (piece, key) => {
    expect(matchKeys(piece, s3Rows)).toEqual(key === null ? [] : [key]);
  });

  it.each(s3GroupLabels.map((label) => [label] as const))("group label %s matches no data row", (label) => {
    expect(matchKeys(label, s3Rows)).toEqual([]);
  });

  it.each([
    ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"],
    ["申请人情况"],
    ["自然人"],
    ["法人或其他组织"],
    ["商业企业"],
    ["科研机构"],
    ["社会公益组织"],
    ["法律服务机构"],
    ["商 业 企 业"],
    ["法 律 服 务 机构"],
    ["自然人 法人或其他组织 总计"],
    ["商业企业 科研机构 社会公益组织 法律服务机构 其他"],
    ["申请人情况 自然人 法人或其他组织 总计"],
    ["三、收到和处理政府信息公开申请情况"],
  ])("header text %j matches no data row", (text) => {
    expect(matchKeys(text, s3Rows)).toEqual([]);
  });

  it.each(s3Columns.filter((c) => c.key !== "other_org" && c.key !== "total").map((c) => [c.label] as const))(
    "column header %s matches no data row",
    (label) => {
      expect(matchKeys(label, s3Rows)).toEqual([]);
    },
  );

  it("（二）部分公开's own 不计其他情形 does not make it 3.其他", () => {
    expect(matchKeys("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", s3Rows)).not.toContain("other_other");
  });

  it("上年结转 is not 结转下年度", () => {
    expect(matchKeys("二、上年结转政府信息公开申请数量", s3Rows)).not.toContain("carried_forward");
    expect(matchKeys("四、结转下年度继续办理", s3Rows)).not.toContain("carried_over");
  });

  it.each([[""], ["   "], ["12 3 0"]])("%j matches nothing", (text) => {
    expect(matchKeys(text, s3Rows)).toEqual([]);
  });
});

describe("matchKeys: section 二 items", () => {
  it.each(s2Items.map((item) => [item.label, item.key] as const))("official label %s → %s only", (label, key) => {
    expect(matchKeys(label, s2Items)).toEqual([key]);
  });

  it.each([
    ["规 章", "rules"],
    ["政府规章", "rules"],
    ["规章（件）", "rules"],
    ["规范性文件", "normative_docs"],
    ["行政规范 性文件", "normative_docs"],
    ["行政规范性文件（件）", "normative_docs"],
    ["行 政 许 可", "admin_license"],
    ["行政处罚", "admin_penalty"],
    ["行政强制", "admin_coercion"],
    ["行政事业性收费", "admin_fees"],
    ["行政事业 性收费", "admin_fees"],
  ])("variant %j → %s only", (label, key) => {
    expect(matchKeys(label, s2Items)).toEqual([key]);
  });

  it("规章 and 行政规范性文件 do not collide", () => {
    expect(matchKeys("行政规范性文件", s2Items)).not.toContain("rules");
    expect(matchKeys("规章", s2Items)).not.toContain("normative_docs");
  });

  it.each(
    [...s2HeaderMarkers, "第二十条第（一）项", "第二十条 第（五）项", "二、主动公开政府信息情况"].map(
      (t) => [t] as const,
    ),
  )("header text %j matches no item", (text) => {
    expect(matchKeys(text, s2Items)).toEqual([]);
  });
});

describe("matchesFingerprint", () => {
  it.each([
    [{ any: [["国家秘密"]] }, "1.属于国家秘密", true],
    [{ any: [["国家秘密"]] }, "属于国家 秘密", true],
    [{ any: [["新收", "申请"]] }, "本年新收申请", true],
    [{ any: [["新收", "申请"]] }, "本年新收", false],
    [{ any: [["上年结转"]], not: ["结转下"] }, "上年结转", true],
    [{ any: [["上年结转"]], not: ["结转下"] }, "上年结转结转下年度", false],
    [{ any: [], patterns: ["^规章$"] }, "规 章", true],
    [{ any: [], patterns: ["^规章$"] }, "规章制度", false],
    [{ any: [["（七）", "总计"]] }, "(七)总计", true],
    [{ any: [["国家秘密"]] }, "", false],
  ])("%j on %j → %s", (fingerprint, label, expected) => {
    expect(matchesFingerprint(label, fingerprint)).toBe(expected);
  });
});
