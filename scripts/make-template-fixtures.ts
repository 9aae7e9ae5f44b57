// Writes tests/fixtures/templates/: reports laid out on another template version than the one gongkai maps,
// to check that no value is read into keys whose meaning differs. Needs LibreOffice.
// Run: npx tsx scripts/make-template-fixtures.ts
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { convertToPdf } from "./samples-pdf.js";

const OUT = join(import.meta.dirname, "..", "tests", "fixtures", "templates");
const work = mkdtempSync(join(tmpdir(), "gongkai-templates-"));

const table = (rows: readonly (readonly string[])[]) =>
  `<table border="1" cellspacing="0" cellpadding="3">${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("")}</table>`;

const S3_ROWS: readonly [string, number][] = [
  ["一、本年新收政府信息公开申请数量", 12],
  ["二、上年结转政府信息公开申请数量", 1],
  ["（一）予以公开", 6],
  ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 2],
  ["1.属于国家秘密", 0],
  ["2.其他法律行政法规禁止公开", 0],
  ["3.危及“三安全一稳定”", 0],
  ["4.保护第三方合法权益", 1],
  ["5.属于三类内部事务信息", 0],
  ["6.属于四类过程性信息", 0],
  ["7.属于行政执法案卷", 0],
  ["8.属于行政查询事项", 0],
  ["1.本机关不掌握相关政府信息", 2],
  ["2.没有现成信息需要另行制作", 0],
  ["3.补正后申请内容仍不明确", 0],
  ["1.信访举报投诉类申请", 0],
  ["2.重复申请", 0],
  ["3.要求提供公开出版物", 0],
  ["4.无正当理由大量反复申请", 0],
  ["5.要求行政机关确认或重新出具已获取信息", 0],
  ["（六）其他处理", 1],
  ["（七）总计", 12],
  ["四、结转下年度继续办理", 1],
];

/** A 2020 report on the 2019 trial template (国办公开办函〔2019〕60号): other section 二 columns, one （六） row. */
function v2019Report(name: string): void {
  const s3 = [
    [
      "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
      "自然人",
      "商业企业",
      "科研机构",
      "社会公益组织",
      "法律服务机构",
      "其他",
      "总计",
    ],
    ...S3_ROWS.map(([label, n]) => [label, String(n), "0", "0", "0", "0", "0", String(n)]),
  ];
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="font-family:'Noto Sans CJK SC'">
<p align="center"><b>示例县自然资源局2020年政府信息公开工作年度报告</b></p>
<p>一、总体情况</p><p>2020年，本机关依法做好政府信息公开工作。</p>
<p>二、主动公开政府信息情况</p>
${table([["第二十条第（一）项"], ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"], ["规章", "0", "0", "0"], ["规范性文件", "3", "3", "27"]])}
${table([["第二十条第（五）项"], ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"], ["行政许可", "12", "+2", "340"], ["其他对外管理服务事项", "5", "0", "18"]])}
${table([["第二十条第（六）项"], ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"], ["行政处罚", "20", "-1", "56"], ["行政强制", "3", "0", "4"]])}
${table([["第二十条第（八）项"], ["信息内容", "上一年项目数量", "本年增/减"], ["行政事业性收费", "2", "0"]])}
${table([["第二十条第（九）项"], ["信息内容", "采购项目数量", "采购总金额"], ["政府集中采购", "4", "251000元"]])}
<p>三、收到和处理政府信息公开申请情况</p>${table(s3)}
<p>四、政府信息公开行政复议、行政诉讼情况</p>
${table([["行政复议", "", "", "", "", "行政诉讼"], ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"], Array(15).fill("0")])}
<p>五、存在的主要问题及改进情况</p><p>无。</p></body></html>`;
  const input = join(work, `${name.replace(/\.pdf$/, "")}.html`);
  writeFileSync(input, html);
  convertToPdf(input, join(OUT, name));
}

v2019Report("v2019-layout-2020.pdf");
console.log(`wrote fixtures to ${OUT}`);
