import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Box } from "../../src/model/geometry.js";
import type { TextItem } from "../../src/model/page-content.js";
import { readOfdPages } from "../../src/pipeline/ofd-pages.js";
import { detectKind } from "../../src/stages/ingest/index.js";
import { buildLines, layoutPages } from "../../src/stages/layout/index.js";
import { openOfd } from "../../src/stages/ofd/index.js";
import { extractOnce } from "../helpers/extract-once.js";

/**
 * The 14 real OFD files of tests/fixtures/ofd-real (several producers; provenance in its README). The strings,
 * boxes and line orders asserted here were checked by eye: each page drawn by the OFD stage's renderer beside a
 * drawing of the extracted items (scripts/dev/ofd-view.ts), the text against the table rules and images the
 * same page draws (which do not depend on the text reading), and for ofdrw-converter_n against ofdrw's own
 * converter output. None is an annual report: each must end as `not_a_report`, never as a crash.
 */
const DIR = join(import.meta.dirname, "../fixtures/ofd-real");
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith(".ofd"))
  .sort();

function readItems(file: string): TextItem[][] {
  const read = readOfdPages(openOfd(new Uint8Array(readFileSync(join(DIR, file)))));
  return read.value.pages.map((p) => [...p.content.items]);
}

/** Each page's text lines, top to bottom, items left to right (the layout stage's line building). */
function readLines(file: string): string[][] {
  return readItems(file).map((items, i) => buildLines(i + 1, items).map((line) => line.text));
}

/**
 * Each page's text in the layout stage's reading order: free lines top to bottom, and each ruled table's cells
 * row by row, a cell's own lines in order.
 */
function readBlocks(file: string): string[][] {
  const read = readOfdPages(openOfd(new Uint8Array(readFileSync(join(DIR, file)))));
  return layoutPages(read.value.pages.map((p) => p.content)).map((blocks, i) =>
    blocks.flatMap((block) =>
      block.kind === "line"
        ? [block.line.text]
        : [...block.grid.cells]
            .sort((a, b) => a.row - b.row || a.col - b.col)
            .flatMap((cell) => buildLines(i + 1, cell.items).map((line) => line.text)),
    ),
  );
}

/** An item with this text on page `page` (1-based) whose box is within `tolerance` points of `box`. */
function expectItem(file: string, page: number, text: string, box: Box, tolerance = 1): void {
  const items = (readItems(file)[page - 1] ?? []).filter((i) => i.text === text);
  expect(items.length, `${file} p${page}: no item "${text}"`).toBeGreaterThan(0);
  const offs = items.map((item) => Math.max(...item.box.map((v, i) => Math.abs(v - (box[i] ?? 0)))));
  const boxes = items.map((item) => item.box.map((v) => v.toFixed(1)).join(", "));
  expect(Math.min(...offs), `${file} p${page} "${text}": ${boxes.join(" / ")}`).toBeLessThan(tolerance);
}

/** `wanted` occur on the page in this order, each inside one line, on lines in that order. */
function expectInOrder(lines: readonly string[], wanted: readonly string[]): void {
  let at = 0;
  for (const text of wanted) {
    const found = lines.findIndex((line, i) => i >= at && line.includes(text));
    expect(found, `"${text}" after line ${at} of:\n${lines.join("\n")}`).toBeGreaterThanOrEqual(at);
    at = found;
  }
}

describe("real OFD files: text in reading order at the places a person sees it", () => {
  it("has the 14 files, every one sniffed as OFD", () => {
    expect(FILES).toHaveLength(14);
    for (const file of FILES) expect(detectKind(new Uint8Array(readFileSync(join(DIR, file)))), file).toBe("ofd");
  });

  it("n: a county health bureau's document, glyphs exactly where ofdrw's own converter puts them", () => {
    const file = "ofdrw-converter_n.ofd";
    const [first = [], second = []] = readLines(file);
    expectInOrder(first, [
      "测试符路桥区卫生局文件",
      "路卫发〔2011〕76号",
      "关于同意张阿三同志辞职的批复",
      "区中医院：",
      "你院《关于给张阿三同志辞职的请示》（路中医发",
      "〔2011〕10号）收悉。",
      "张阿三，男，1978年2月出生，籍贯江西新建，2001年9月参",
      "号）文件精神，经研究，同意张阿三同志辞职。",
    ]);
    expectInOrder(second, ["测试符路桥区卫生局办公室", "2011年3月10日", "2011年3月10日印发"]);
    // The red heading: 14.7 mm type at HScale 0.64, 39.14 mm from the left, baseline at 51.62 mm.
    expectItem(file, 1, "测试符路桥区卫生局文件", [110.9, 109.7, 490.0, 151.3]);
    expectItem(file, 1, "关于同意张阿三同志辞职的批复", [147.7, 301.6, 453.3, 323.4]);
    const reference = JSON.parse(readFileSync(join(DIR, "ofdrw-converter_n.ofdrw-glyphs.json"), "utf8")) as {
      pages: [number, number][][];
    };
    const opened = openOfd(new Uint8Array(readFileSync(join(DIR, file))));
    reference.pages.forEach((origins, i) => {
      const glyphs = opened.page(i + 1).marks.flatMap((m) => (m.kind === "text" ? m.glyphs : []));
      expect(glyphs).toHaveLength(origins.length);
      for (const [x, y] of origins) {
        const nearest = Math.min(...glyphs.map((g) => Math.hypot(g.x - x, g.y - y)));
        expect(nearest, `page ${i + 1} glyph at ${x}, ${y}`).toBeLessThan(0.05);
      }
    });
  });

  it("1: an e-invoice, its ruled table, DeltaX 'g' runs and a template", () => {
    const file = "ofdrw-converter_1.ofd";
    const [page = []] = readLines(file);
    expectInOrder(page, [
      "浙江增值税电子普通发票 发票代码：033002000211",
      "发票号码：83089647",
      "开票日期：2020年07月23日",
      "机器编号：927000236092 校 验 码：16197 83356 74145 07415",
      "收 款 人：管理员 复 核：管理员 开 票 人：管理员",
    ]);
    expectItem(file, 1, "浙江增值税电子普通发票", [195.6, 19.4, 399.7, 38.4]);
    expectItem(file, 1, "16197 83356 74145 07415", [464.9, 68.0, 568.4, 77.0]);
    // Cells of the ruled table: the amount under 金额 and the total in words.
    expectItem(file, 1, "510.68", [436.5, 162.7, 463.5, 171.7]);
    expectItem(file, 1, "伍佰贰拾陆圆整", [178.6, 279.5, 241.6, 288.5]);
    // The cipher block: one TextCode that wraps back with DeltaX -67.5 and steps down with DeltaY, four lines.
    expectInOrder(page, [
      "0062477>548-1109>61*9-52160+",
      "2>+<79<931-426-8*+38+412394<",
      "27<<-<-6+3>896019*0119*93+3/",
    ]);
  });

  it("20240531141733: a 2024 e-invoice; text written below the page's bottom edge is not read", () => {
    const file = "ofdrw-converter_20240531141733.ofd";
    const [page = []] = readLines(file);
    expectInOrder(page, [
      "电子发票（增值税专用发票） 发票号码：24112000000048542163",
      "开票日期：2024年05月28日",
      "开票人：于俪",
    ]);
    expectItem(file, 1, "海南麒麟云服科技有限公司", [56.7, 95.6, 164.7, 104.6]);
    expectItem(file, 1, "4449.00", [447.4, 276.6, 485.9, 287.6]);
    // 于俪 appears twice in the content; the second copy sits at 285.9 mm on a 140 mm page.
    expect(page.filter((line) => line.includes("于俪"))).toHaveLength(1);
  });

  it("999: an invoice and four pages of a sales list, each page on a template of its own", () => {
    const file = "ofdrw-converter_999.ofd";
    const pages = readLines(file);
    expect(pages).toHaveLength(5);
    expectInOrder(pages[0] ?? [], [
      "重庆增值税电子普通发票 发票代码：050001700111",
      "发票号码：12235358",
      "收 款 人：张一诺",
    ]);
    expectInOrder(pages[1] ?? [], [
      "销售货物或者提供应税劳务、服务清单",
      "购买方名称：个人",
      "所属增值税电子普通发票代码：050001700111 号码：12235358 共 4 页 第 1 页",
      "序号 项目名称 规格型号 单位 数 量 单 价 金 额 税率 税 额",
      "1 *餐饮服务*餐费 100.00 6% 6.00",
      "26 *餐饮服务*餐费 100.00 6% 6.00",
      "小计 ¥2600.00 ¥156.00",
      "开票日期：2020年08月05日",
    ]);
    expectInOrder(pages[4] ?? [], ["共 4 页 第 4 页"]);
  });

  it("draw_param_ref: page numbers written with spaces between them are read as the page shows them", () => {
    const file = "ofdrw-converter_draw_param_ref.ofd";
    const pages = readLines(file);
    expectInOrder(pages[0] ?? [], [
      "北京增值税电子普通发票 发票代码：011002680026",
      "收款人：付强 复核：王宝宝 开票人：李大山",
    ]);
    // "共", "页", "第", "页" are in the template; "  4            1" is one TextCode of the page.
    expectInOrder(pages[1] ?? [], ["号码：71500013 共 4 页 第 1 页"]);
    expectInOrder(pages[4] ?? [], ["共 4 页 第 4 页"]);
    expectItem(file, 1, "稻谷交易", [357.6, 296.9, 393.6, 305.9]);
  });

  it("signout: a processing form of filled-rectangle rules, text in points under a CTM", () => {
    const file = "ofdrw-converter_signout.ofd";
    const [page = []] = readBlocks(file);
    expectInOrder(page, [
      "XX市政府文件处理",
      "来文文号",
      "府办专督〔2020〕24",
      "号",
      "来文单位",
      "市人民政府办公室",
      "收文日期",
      "2020年06月15日",
      "11:28:09",
      "单位收文编号",
      "X 725",
      "公文标题",
      "市委主要领导同志调研后续落实事项的通知",
      "拟办意见",
      "1、呈小明、张三、 国伟、 李四同志阅示；",
      "4、发至市商务局、市农业农村局、市交通运输局、市水利局。",
      "秘书股 陈小明 2020-06-15",
      "备注",
    ]);
    expectItem(file, 1, "市委主要领导同志调研后续落实事项的通知", [167.0, 291.4, 395.0, 303.4]);
    expectItem(file, 1, "来文文号", [95.0, 113.4, 144.0, 125.4]);
  });

  it("testPathClip: a mining licence over a background image, clipped seals and a composite object", () => {
    const file = "ofdrw-converter_testPathClip.ofd";
    const [page = []] = readBlocks(file);
    expectInOrder(page, [
      "中华人民共和国",
      "采 矿 许 可 证",
      "(正本)",
      "证号：C1234567890123123123123",
      "采矿权人：采矿权延续 开采矿种：煤",
      "矿山名称：采矿权延续 生产规模：3.0万吨/年",
      "有效期限：壹年 自 2022年11月01日 至 2023年11月01日 矿区范围：(见副本)",
      "中华人民共和国自然资源部印制 中华人民共和国自然资源部印制",
    ]);
    // Two of them, in the rows 采矿权人 and 矿山名称 of a landscape page 420 × 295 mm.
    expectItem(file, 1, "采矿权延续", [284.9, 419.7, 414.9, 445.7]);
    expectItem(file, 1, "采矿权延续", [284.9, 493.8, 414.9, 519.8]);
  });

  it("z: a page about glyph transforms; a ligature (CGTransform) keeps the text in place", () => {
    const file = "ofdrw-converter_z.ofd";
    const pages = readLines(file);
    expectInOrder(pages[0] ?? [], [
      "11.4字型变换",
      "名称 类型 说明 可选/必选",
      "CodePosition xs:int TextCode中字符编码的起始位置，从0开始 必选",
      "楷体gb2312",
    ]);
    // "fi" drawn as one glyph: DeltaX holds one step fewer than the text has characters.
    const items = readItems(file)[1] ?? [];
    const both = items.filter((i) => i.text === "Heaffixedhisfinesign.");
    expect(both).toHaveLength(2);
    expect(Math.abs((both[0]?.box[2] ?? 0) - (both[1]?.box[2] ?? 0))).toBeLessThan(1);
  });

  it("keyword: a property certificate; a hidden text layer and a diagonal watermark are not read", () => {
    const file = "ofdrw-reader_keyword.ofd";
    const [page = []] = readLines(file);
    expectInOrder(page, [
      "鲁（2020）泰安市不动产证明第0014777号",
      "中国建设银行股份有限公司泰安分行",
      "岱岳区青春创业开发区鑫源小区25号",
      "楼1单元601室",
      "担保债权数额：35万元",
      "2020 05 08",
      "37000015590",
    ]);
    expect(page.join("\n")).not.toMatch(/MB0327|FBEC/);
    expectItem(file, 1, "李伟", [543.5, 163.2, 567.5, 175.2]);
  });

  it("path_unstd: a case-filing decision with page parts at non-standard paths; white placeholder text is not read", () => {
    const file = "ofdrw-reader_path_unstd.ofd";
    const [first = [], second = []] = readBlocks(file);
    expectInOrder(first, [
      "测试数据var-gaj",
      "立案决定书",
      "根据《中华人民共和国刑事诉讼法》第 测试数据FLTK",
      "条之规定，决定对 测试数据ajmc",
      "立案侦查。",
      "测试数据gz-SIGNNAME-liucheng",
    ]);
    expect(first.filter((line) => line.includes("gz-SIGNNAME"))).toHaveLength(1);
    expectInOrder(second, [
      "立案决定书",
      "（存根）",
      "案件名称测试数据AJMC",
      "填发时间测试数据TFSJ",
      "填 发 人测试数据TFR",
    ]);
  });

  it.each([["ofdrw-reader_SESV4SignDoc.ofd"], ["ofdrw-reader_chineseDir.ofd"]])("%s: one line of text", (file) => {
    expect(readLines(file)).toEqual([["你好呀，OFD Reader&Writer！"]]);
    expectItem(file, 1, "你好呀，OFD Reader&Writer！", [89.9, 73.0, 204.7, 81.5]);
  });

  it.each([["ofdrw-converter_h.ofd"], ["ofdrw-converter_V4RideRight.ofd"]])(
    "%s: five pages of red boxes with seals in signatures: no text on them",
    (file) => {
      expect(readLines(file)).toEqual([[], [], [], [], []]);
    },
  );

  it.each(FILES.map((f) => [f]))("%s: extracted as a readable document that is not a report", async (file) => {
    const { output, errorClass } = await extractOnce(join(DIR, file));
    expect({ status: output.status, errorClass, code: output.issues[0]?.code }).toEqual({
      status: "failure",
      errorClass: "not_a_report",
      code: "not_a_report",
    });
    expect(output.source.pages).toBe(readItems(file).length);
  });
});
