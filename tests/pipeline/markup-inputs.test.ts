import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectInputs } from "../../src/pipeline/collect-inputs.js";
import { extractDocument } from "../../src/pipeline/extract-document.js";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "gongkai-markup-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function extractHtml(name: string, html: string) {
  const path = join(dir, name);
  await writeFile(path, html);
  return (await extractDocument(path)).output;
}

const table = (rows: readonly (readonly string[])[]) =>
  `<table border="1">${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("")}</table>`;

describe("HTML and .docx inputs", () => {
  it("a legacy 统计表 in HTML: facts by row, 维持/纠错 told apart under 行政复议 and 行政诉讼, 2021 keys where the meaning is the same", async () => {
    const output = await extractHtml(
      "legacy.html",
      `<html><head><meta charset="utf-8"><title>某县民政局2015年政府信息公开工作年度报告</title></head><body>
      <p>某县民政局2015年政府信息公开工作年度报告</p><p>全年主动公开政府信息88条。</p>
      ${table([
        ["统计指标", "单位", "统计数"],
        ["（一）收到申请数", "件", "7"],
        ["2.同意公开答复数", "件", "5"],
        ["四、行政复议数量", "件", "3"],
        ["（一）维持具体行政行为数", "件", "2"],
        ["（二）被依法纠错数", "件", "1"],
        ["五、行政诉讼数量", "件", "1"],
        ["（一）维持具体行政行为或者驳回原告诉讼请求数", "件", "0"],
        ["（二）被依法纠错数", "件", "1"],
        ["七、依申请公开信息收取的费用", "万元", "0.02"],
      ])}</body></html>`,
    );
    expect(output.report).toMatchObject({ template: "legacy", year: 2015, agency: "某县民政局" });
    expect(output.status).toBe("success");
    expect(output.values).toMatchObject({
      legacy: {
        active: { published: 88 },
        applications: { received: 7 },
        answers: { granted: 5, partial: null },
        review: { total: 3, upheld: 2, corrected: 1 },
        litigation: { total: 1, upheld: 0, corrected: 1 },
        fees: { amount_wan: 0.02 },
      },
      s3: { new_received: { total: 7 }, granted: { total: 5 } },
      s4: { review: { total: 3, upheld: 2, corrected: 1 } },
    });
    expect(output.cells["legacy.review.upheld"]?.locator).toBe("html[1]/body[1]/table[1]/tr[5]/td[3]");
    expect(output.cells["legacy.active.published"]?.locator).toBe("html[1]/body[1]/p[2]");
    expect(output.flags).toEqual([]);
  });

  it("a 2019 report printed in the 2021 layout is mapped as v2021 and flagged", async () => {
    const output = await extractHtml(
      "mismatch.htm",
      `<html><body><p>某市审计局2019年政府信息公开工作年度报告</p><p>二、主动公开政府信息情况</p>
      ${table([
        ["第二十条第（一）项"],
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "0", "0", "0"],
        ["行政规范性文件", "2", "1", "9"],
        ["第二十条第（五）项"],
        ["信息内容", "本年处理决定数量"],
        ["行政许可", "15"],
      ])}</body></html>`,
    );
    expect(output.report).toMatchObject({ template: "v2021", year: 2019 });
    expect(output.values).toMatchObject({
      s2: { normative_docs: { made: 2, repealed: 1, valid: 9 }, admin_license: { decisions: 15 } },
    });
    expect(output.flags.map((f) => f.rule)).toContain("template.version_mismatch");
  });

  it("a 2020 report with the 2019 section 二 but the 2021 （六） rows: s2v19 keys, section 三 as printed, other_processing derived, mismatch flagged", async () => {
    const s3Row = (label: string, n: number) => [label, String(n), "0", "0", "0", "0", "0", String(n)];
    const output = await extractHtml(
      "mixed.html",
      `<html><body><p>某县水利局2020年政府信息公开工作年度报告</p><p>二、主动公开政府信息情况</p>
      ${table([
        ["第二十条第（一）项"],
        ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
        ["规范性文件", "2", "2", "15"],
        ["第二十条第（五）项"],
        ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
        ["行政许可", "8", "减少1", "40"],
      ])}<p>三、收到和处理政府信息公开申请情况</p>
      ${table([
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
        s3Row("一、本年新收政府信息公开申请数量", 4),
        s3Row("二、上年结转政府信息公开申请数量", 0),
        s3Row("（一）予以公开", 1),
        s3Row("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", 2),
        s3Row("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", 0),
        s3Row("3.其他", 1),
        s3Row("（七）总计", 4),
        s3Row("四、结转下年度继续办理", 0),
      ])}</body></html>`,
    );
    expect(output.report).toMatchObject({ template: "v2019", year: 2020 });
    expect(output.values).toMatchObject({
      s2v19: { normative_docs: { total_published: 15 }, admin_license: { delta: -1, decisions: 40 } },
      s3: { other_no_supplement: { total: 2 }, other_other: { total: 1 }, other_processing: { total: 3 } },
    });
    expect(output.cells["s3.other_processing.total"]?.source).toBe("derived");
    const mismatch = output.flags.find((f) => f.rule === "template.version_mismatch");
    expect(mismatch?.message.en).toContain("v2021 layout");
  });

  it("a 2019 采购总金额 column headed in 元 is converted to 万元; a 万元 header is left alone", async () => {
    const s2 = (header: string, amount: string) =>
      `<html><body><p>某县财政局2019年政府信息公开工作年度报告</p><p>二、主动公开政府信息情况</p>${table([
        ["第二十条第（一）项"],
        ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
        ["规章", "0", "0", "0"],
        ["第二十条第（九）项"],
        ["信息内容", "采购项目数量", header],
        ["政府集中采购", "3", amount],
      ])}</body></html>`;
    const yuan = await extractHtml("yuan.html", s2("采购总金额（元）", "128000"));
    const wan = await extractHtml("wan.html", s2("采购总金额（万元）", "12.8"));
    const inline = await extractHtml("inline.html", s2("采购总金额（元）", "128000元"));
    for (const output of [yuan, wan, inline]) {
      expect(output.report.template).toBe("v2019");
      expect(output.cells["s2v19.procurement.amount_wan"]?.value).toBe(12.8);
    }
  });

  it("a ZIP that is no Word document, and a broken one, fail as corrupt", async () => {
    const noDoc = join(dir, "no-doc.docx");
    await writeFile(noDoc, zipSync({ "word/other.xml": strToU8("<x/>"), "word/document.xml.bak": strToU8("") }));
    const broken = join(dir, "broken.docx");
    const zip = zipSync({ "word/document.xml": strToU8("<w:document/>".repeat(50)) });
    await writeFile(broken, zip.subarray(0, zip.length - 30));
    for (const path of [noDoc, broken]) {
      const { output, errorClass } = await extractDocument(path);
      expect({ status: output.status, errorClass }).toEqual({ status: "failure", errorClass: "corrupt" });
    }
  });

  it("folders yield .html, .htm and .docx files, but not the assets folder of a saved page", async () => {
    const root = join(dir, "archive");
    await mkdir(join(root, "2016年报_files"), { recursive: true });
    await mkdir(join(root, "附件"), { recursive: true });
    await writeFile(join(root, "2016年报.htm"), "<html></html>");
    await writeFile(join(root, "2016年报_files", "header.htm"), "<html></html>");
    await writeFile(join(root, "附件", "2017年报.docx"), "PK");
    await writeFile(join(root, "2018年报.HTML"), "<html></html>");
    await writeFile(join(root, "notes.txt"), "x");
    const planned = await collectInputs([root]);
    expect(planned.map((p) => p.outRelative).sort()).toEqual(["2016年报.json", "2018年报.json", "附件/2017年报.json"]);
  });
});

describe("legacy facts from sentences", () => {
  async function facts(sentences: string) {
    const path = join(dir, `sentences-${sentences.length}.html`);
    await writeFile(
      path,
      `<html><body><p>某区科技局2014年政府信息公开工作年度报告</p><p>${sentences}</p></body></html>`,
    );
    const { output } = await extractDocument(path);
    expect(output.report.template).toBe("legacy");
    return output.values.legacy as Record<string, Record<string, number | null>>;
  }

  it("reads the usual phrasings, and not time limits or other business", async () => {
    const v = await facts(
      "全年共受理依申请公开12件，收到申请后均在15个工作日内答复。同意公开9件，不予公开1件。因政府信息公开申请行政复议的案件2起，提起行政诉讼1件。共收取检索、复制费用120元。",
    );
    expect(v.applications?.received).toBe(12);
    expect(v.answers).toMatchObject({ granted: 9, denied: 1 });
    expect(v.review?.total).toBe(2);
    expect(v.litigation?.total).toBe(1);
    expect(v.fees?.amount_wan).toBe(0.012);
  });

  it("reads a stated zero covering 行政复议 and 行政诉讼 together", async () => {
    const v = await facts("本年度未发生因政府信息公开申请行政复议和提起行政诉讼的情况，未收取任何费用。");
    expect({ review: v.review?.total, litigation: v.litigation?.total, fees: v.fees?.amount_wan }).toEqual({
      review: 0,
      litigation: 0,
      fees: 0,
    });
    expect(v.applications?.received).toBeNull();
  });
});
