import { describe, expect, it } from "vitest";
import { detectVersion, extractMeta } from "../../../src/stages/mapping/extract-meta.js";
import { lineRecord, ruledRecord } from "./record-builder.js";

const lines = (texts: readonly string[]) => texts.map((text, i) => lineRecord(text, [], { y: 60 + 20 * i }));

describe("extractMeta", () => {
  it.each([
    [["XX局2023年政府信息公开工作年度报告"], "XX局", 2023],
    [["海原县工业信息化和商务局2021年政府信息公开工作年度报告"], "海原县工业信息化和商务局", 2021],
    [["2023年XX市人民政府政府信息公开工作年度报告"], "XX市人民政府", 2023],
    [["关于XX区2022年度政府信息公开工作年度报告"], "XX区", 2022],
    [["XX县人民政府2023年政府信息公开年度报告"], "XX县人民政府", 2023],
  ])("title %j → agency %s, year %d", (texts, agency, year) => {
    expect(extractMeta(lines(texts))).toEqual({ title: texts[0], agency, year, confidence: { agency: 1, year: 1 } });
  });

  it.each([
    [["XX局 2023 年政府信息公开工作年度报告"], "XX局2023年政府信息公开工作年度报告", "XX局"],
    [
      ["苏州市生态环境局2023年政府信息公开", "工作年度报告"],
      "苏州市生态环境局2023年政府信息公开工作年度报告",
      "苏州市生态环境局",
    ],
    [
      ["苏州市生态环境局", "2023年政府信息公开工作年度报告"],
      "苏州市生态环境局2023年政府信息公开工作年度报告",
      "苏州市生态环境局",
    ],
    [
      ["XX市人民政府办公室", "2023年政府信息公开", "工作年度报告"],
      "XX市人民政府办公室2023年政府信息公开工作年度报告",
      "XX市人民政府办公室",
    ],
    [
      ["XX局2023年政府信息公开工作年度报告", "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）"],
      "XX局2023年政府信息公开工作年度报告",
      "XX局",
    ],
  ])("spaced or wrapped title %j → %s", (texts, title, agency) => {
    expect(extractMeta(lines(texts))).toMatchObject({ title, agency, year: 2023 });
  });

  it("never runs a title over a page break (a cover page's last line is no part of it)", () => {
    // Regression (issue 15 check set, ofd-twodocs-2021): the cover letter's "（此页无正文）" ended page 1 and
    // became the start of the agency on page 2.
    const records = [
      lineRecord("关于报送政府信息公开工作年度报告的函", [], { y: 60, page: 1 }),
      lineRecord("（此页无正文）", [], { y: 700, page: 1 }),
      lineRecord("西安市雁塔区市场监督管理局2021年政府信息公开工作年度", [], { y: 40, page: 2 }),
      lineRecord("报告", [], { y: 60, page: 2 }),
    ];
    expect(extractMeta(records)).toMatchObject({
      title: "西安市雁塔区市场监督管理局2021年政府信息公开工作年度报告",
      agency: "西安市雁塔区市场监督管理局",
      year: 2021,
    });
  });

  it("keeps the title and year when the title names no agency", () => {
    expect(extractMeta(lines(["2023年政府信息公开工作年度报告"]))).toMatchObject({
      title: "2023年政府信息公开工作年度报告",
      agency: null,
      year: 2023,
    });
  });

  it("takes the agency from the closing signature when the title names none", () => {
    const report = lines([
      "2022年政府信息公开工作年度报告",
      "一、总体情况",
      "本年度，我区认真贯彻落实《条例》。",
      "六、其他需要报告的事项",
      "本年度未收取信息处理费。",
      "新乡市卫滨区人民政府",
      "2023年1月18日",
    ]);
    expect(extractMeta(report)).toMatchObject({
      title: "2022年政府信息公开工作年度报告",
      agency: "新乡市卫滨区人民政府",
      year: 2022,
    });
    // A sentence above the date is no signature.
    const unsigned = lines(["2022年政府信息公开工作年度报告", "特此报告。", "2023年1月18日"]);
    expect(extractMeta(unsigned).agency).toBeNull();
  });

  it.each([[["XX局政府信息公开工作年度报告"]], [["Staff canteen menu, week 12"]], [[]]])(
    "finds no title in %j",
    (texts) => {
      expect(extractMeta(lines(texts))).toEqual({
        title: null,
        agency: null,
        year: null,
        confidence: { agency: null, year: null },
      });
    },
  );

  it("ignores ruled rows (a title-like table cell)", () => {
    expect(extractMeta([ruledRecord("XX局2023年政府信息公开工作年度报告", [])]).title).toBeNull();
  });

  it("looks only at the first lines of the report", () => {
    const filler = Array.from({ length: 12 }, (_, i) => `第${i}段正文。`);
    expect(extractMeta(lines([...filler, "XX局2023年政府信息公开工作年度报告"])).title).toBeNull();
  });

  it('does not count lines a scan\'s specks were read as ("-", "4", unreadable) among the first lines', () => {
    const ocr = (text: string, y: number) => {
      const record = lineRecord(text, [], { y });
      const item = { text, box: record.box, fontSize: 10, fontName: "ocr", source: "ocr" as const, confidence: 0.4 };
      return { ...record, items: [item] };
    };
    const specks = ["-", "4", "\uFFFD", "8", "1", "-", "\uFFFD", "2", "3", "-", "4", "1", "\uFFFD", "2"].map((t, i) =>
      ocr(t, 10 + 4 * i),
    );
    const title = ocr("南京市司法局2022年政府信息公开工作年度报告", 80);
    expect(extractMeta([...specks, title])).toMatchObject({ agency: "南京市司法局", year: 2022 });
    // A text layer's short lines are lines of the report: they still count.
    const printed = Array.from({ length: 12 }, (_, i) => lineRecord(String(i + 1), [], { y: 10 + 4 * i }));
    expect(extractMeta([...printed, title]).title).toBeNull();
  });

  it("knows a scan's title misread past spelling by its likeness to one, and keeps its agency and year in doubt", () => {
    // h16, a light copy of a copy at 150 dpi: 息 read 恩, 工 上, 度 属, and 告 fell to the next line.
    const ocr = (text: string, y: number, confidence: number) => {
      const record = lineRecord(text, [], { y });
      return {
        ...record,
        items: [{ text, box: record.box, fontSize: 16, fontName: "ocr", source: "ocr" as const, confidence }],
      };
    };
    const meta = extractMeta([
      ocr("广西壮族自治区人民政府2024年政府信恩公开上作年属报", 77, 0.299),
      ocr("告", 106, 0.976),
      ocr("本报告根据《中华人民共和国政府信恩公开条例》和《国务院办公厅政府信息与政务公开", 142, 0.402),
    ]);
    expect(meta).toMatchObject({ agency: "广西壮族自治区人民政府", year: 2024, agencyByOcr: true });
    expect(meta.confidence).toEqual({ agency: 0.299, year: 0.299 });
    // A sentence with a year is no title, however many of a title's words it holds.
    const sentence = ocr("本机关2024年主动公开政府信息情况如下所述共计若干条", 77, 0.99);
    expect(extractMeta([sentence]).title).toBeNull();
    // Nor is a text layer's line: what it prints is what it says.
    expect(
      extractMeta([lineRecord("广西壮族自治区人民政府2024年政府信恩公开上作年属报", [], { y: 77 })]).title,
    ).toBeNull();
  });

  // Was a bug: the earliest start line won, so a line printed above a complete title is glued onto it:
  // "发布机构：XX局" + title → agency "发布机构：XX局XX局"; a date line "2024年1月20日" + "XX局2023年…" → year 2024,
  // agency "1月20日XX局2023年". A title complete on its own line should be taken alone.
  it.each([
    [["发布机构：XX局", "XX局2023年政府信息公开工作年度报告"], "XX局", 2023],
    [["2024年1月20日", "XX局2023年政府信息公开工作年度报告"], "XX局", 2023],
  ])("does not glue the line above onto a complete title: %j → %s, %d", (texts, agency, year) => {
    const meta = extractMeta(lines(texts));
    expect(meta).toMatchObject({ title: "XX局2023年政府信息公开工作年度报告", agency, year });
  });
});

describe("detectVersion", () => {
  it.each([
    ["本年制发件数 本年废止件数 现行有效件数", 2020, "v2021"],
    ["本年处理决定数量 本年收费金额（单位：万元）", null, "v2021"],
    ["本年新制作数量 本年新公开数量 对外公开总数量", 2023, "v2019"],
    ["上一年项目数量 本年增/减 政府集中采购", null, "v2019"],
    ["主动公开政府信息数 不同意公开答复数", 2022, "legacy"],
  ] as const)("headers %j (year %s) → %s", (text, year, version) => {
    expect(detectVersion(text, year)).toBe(version);
  });

  it.each([
    [2024, "v2021"],
    [2021, "v2021"],
    [2020, "v2019"],
    [2019, "v2019"],
    [2018, "legacy"],
    [2008, "legacy"],
    [null, "unknown"],
  ] as const)("without headers falls back to the year %s → %s", (year, version) => {
    expect(detectVersion("", year)).toBe(version);
  });

  it("needs two marker words: one alone does not outvote the year", () => {
    expect(detectVersion("本年制发件数", 2019)).toBe("v2019");
  });
});
