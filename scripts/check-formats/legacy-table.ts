// The pre-2019 统计表 (统计指标 | 单位 | 统计数) as many reports of 2008–2018 print it, with the rows that carry
// no key (当面申请数, 网络申请数 …) left in with their own numbers, as real tables have them.
import { type CellPrinter, esc, type TableStyle, type Truth, table, tr } from "./html-parts.js";

/** [label, unit, key under `legacy.` or a fixed printed number for a row without a key]. */
const ROWS: readonly (readonly [string, string, string | number])[] = [
  ["一、主动公开情况", "", ""],
  ["（一）主动公开政府信息数", "条", "active.published"],
  ["其中：主动公开规范性文件数", "条", "active.normative_docs"],
  ["制发规范性文件总数", "件", 30],
  ["二、依申请公开情况", "", ""],
  ["（一）收到申请数", "件", "applications.received"],
  ["1.当面申请数", "件", 11],
  ["2.传真申请数", "件", 0],
  ["3.网络申请数", "件", 40],
  ["4.信函申请数", "件", 7],
  ["（二）申请办结数", "件", "applications.completed"],
  ["1.按时办结数", "件", 55],
  ["2.延期办结数", "件", 3],
  ["（三）申请答复数", "件", 58],
  ["1.属于已主动公开范围数", "件", "answers.already_public"],
  ["2.同意公开答复数", "件", "answers.granted"],
  ["3.同意部分公开答复数", "件", "answers.partial"],
  ["4.不同意公开答复数", "件", "answers.denied"],
  ["其中：涉及国家秘密", "件", "denial_reasons.state_secret"],
  ["涉及商业秘密", "件", "denial_reasons.commercial_secret"],
  ["涉及个人隐私", "件", "denial_reasons.privacy"],
  ["危及国家安全、公共安全、经济安全和社会稳定", "件", "denial_reasons.security_stability"],
  ["不是《条例》所指政府信息", "件", "denial_reasons.not_gov_info"],
  ["法律法规规定的其他情形", "件", "denial_reasons.other_law"],
  ["5.不属于本行政机关公开数", "件", "answers.not_this_agency"],
  ["6.申请信息不存在数", "件", "answers.not_exist"],
  ["7.告知作出更改补充数", "件", "answers.supplement"],
  ["8.告知通过其他途径办理数", "件", "answers.other_channel"],
  ["三、行政复议数量", "件", "review.total"],
  ["（一）维持具体行政行为数", "件", "review.upheld"],
  ["（二）被依法纠错数", "件", "review.corrected"],
  ["（三）其他情形数", "件", "review.other"],
  ["四、行政诉讼数量", "件", "litigation.total"],
  ["（一）维持具体行政行为或者驳回原告诉讼请求数", "件", "litigation.upheld"],
  ["（二）被依法纠错数", "件", "litigation.corrected"],
  ["（三）其他情形数", "件", "litigation.other"],
  ["五、举报投诉数量", "件", "complaints.total"],
  ["六、依申请公开信息收取的费用", "万元", "fees.amount_wan"],
];

export function legacyTable(p: CellPrinter, truth: Truth, style: TableStyle): string {
  const rows = [tr([["统计指标"], ["单位"], ["统计数"]])];
  for (const [text, unit, key] of ROWS) {
    let value = "";
    if (typeof key === "number") value = String(key);
    else if (key !== "" && truth.values.legacy?.[key.split(".")[0] as string]?.[key.split(".")[1] as string] != null)
      value = p.cell(`legacy.${key}`, key === "fees.amount_wan" ? "amount" : "count");
    rows.push(tr([[esc(text), 'style="text-align:left"'], [unit], [value]]));
  }
  return table(rows, style);
}
