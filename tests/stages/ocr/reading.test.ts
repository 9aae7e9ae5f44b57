import { describe, expect, it } from "vitest";
import type { Box } from "../../../src/model/geometry.js";
import { unturnBox, unturnQuarters } from "../../../src/model/geometry.js";
import type { TextItem } from "../../../src/model/page-content.js";
import { checkAgencyPlace, reviseAgency } from "../../../src/stages/mapping/check-agency.js";
import { despeckle } from "../../../src/stages/ocr/despeckle.js";
import { type GrayImage, runsSideways, turnQuarters } from "../../../src/stages/ocr/index.js";
import { attachSigns } from "../../../src/stages/ocr/orphan-ink.js";
import {
  chooseReading,
  DASH_CONFIDENCE,
  DISPUTED,
  inkSegments,
  numberShaped,
  regionItems,
} from "../../../src/stages/ocr/read-regions.js";
import type { RecognizedChar } from "../../../src/stages/ocr/recognize-text.js";

const chars = (text: string, confidence = 0.99): RecognizedChar[] =>
  [...text].map((char, i) => ({ char, x0: i * 10, x1: i * 10 + 8, confidence }));

describe("choosing between the free reading and the number-mark reading", () => {
  it.each([
    ["o", "0", "0", 0.97],
    ["!", "1", "1", 0.97],
    ["l2", "12", "12", 0.97],
  ])("a free reading %s that stands for the digits %s is a sure %s", (free, digits, text, confidence) => {
    expect(chooseReading(chars(free, 0.5), chars(digits, 0.97))).toEqual({ text, confidence });
  });

  it("keeps Chinese as read", () => {
    expect(chooseReading(chars("予以公开"), chars("1"))).toEqual({ text: "予以公开", confidence: 0.99 });
  });

  it("reads a lone unsure Chinese character at digit height as the number marks it holds, in doubt", () => {
    const hanzi = chooseReading(chars("型", 0.53), chars("1", 0.95));
    expect(numberShaped(hanzi, chars("1", 0.95), { width: 19, height: 15 }, 20)).toEqual({
      text: "1",
      confidence: DISPUTED,
    });
  });

  it.each([
    ["as tall as the page's Chinese (a printed 无)", "无", 0.53, 19],
    ["read surely", "型", 0.9, 15],
  ])("keeps a lone Chinese character %s", (_, text, confidence, height) => {
    const hanzi = chooseReading(chars(text, confidence), chars("1", 0.95));
    expect(numberShaped(hanzi, chars("1", 0.95), { width: 19, height }, 20)).toBe(hanzi);
  });

  it("keeps the Chinese reading when the number marks hold no number or the page's Chinese height is unknown", () => {
    const hanzi = chooseReading(chars("型", 0.53), chars(".", 0.95));
    expect(numberShaped(hanzi, chars(".", 0.95), { width: 19, height: 15 }, 20)).toBe(hanzi);
    expect(numberShaped(hanzi, chars("1", 0.95), { width: 19, height: 15 }, undefined)).toBe(hanzi);
  });

  it("keeps the Chinese reading of ink as wide as words (a label half erased under a seal)", () => {
    const hanzi = chooseReading(chars("强", 0.4), chars("7", 0.9));
    expect(numberShaped(hanzi, chars("7", 0.9), { width: 81, height: 16 }, 21)).toBe(hanzi);
  });

  it("keeps a printed blank read clearly instead of the 1 the number marks would make of it", () => {
    expect(chooseReading(chars("/", 0.8), chars("1", 0.9)).text).toBe("/");
  });

  it("drops a speck read as a dot at either end of a number", () => {
    expect(chooseReading(chars("73."), chars("73.")).text).toBe("73");
    expect(chooseReading(chars(".91"), chars(".91")).text).toBe("91");
  });

  it("trusts a number the free reading disagrees with below the flagging threshold", () => {
    const read = chooseReading(chars("7", 0.6), chars("1", 0.95));
    expect(read.text).toBe("1");
    expect(read.confidence).toBeLessThan(0.9);
  });
});

describe("minus signs", () => {
  const item = (text: string, box: Box, confidence = 0.95): TextItem => ({
    text,
    box,
    fontSize: 10,
    fontName: "ocr",
    source: "ocr",
    confidence,
  });

  it("joins a dash just left of a number to it", () => {
    const out = attachSigns([item("-", [100, 104, 104, 105], 0.92), item("3", [105, 100, 110, 110])], 10);
    expect(out.map((i) => i.text)).toEqual(["-3"]);
    expect(out[0]?.confidence).toBe(0.92);
  });

  it("leaves a dash a cell away from a number as a printed blank", () => {
    const out = attachSigns([item("-", [60, 104, 66, 105]), item("3", [105, 100, 110, 110])], 10);
    expect(out.map((i) => i.text)).toEqual(["-", "3"]);
  });
});

describe("boxes on turned pages map back to the page as stored", () => {
  function withDot(width: number, height: number, x: number, y: number): GrayImage {
    const data = new Uint8Array(width * height).fill(255);
    data[y * width + x] = 0;
    return { width, height, data };
  }
  function findDot(image: GrayImage): [number, number] {
    const i = image.data.indexOf(0);
    return [i % image.width, Math.floor(i / image.width)];
  }

  it.each([1, 2, 3])("a quarter turn count of %i", (quarters) => {
    const stored = withDot(40, 30, 7, 11);
    const upright = turnQuarters(stored, quarters);
    const [ux, uy] = findDot(upright);
    // A one-pixel box around the dot on the turned copy, back on the stored page.
    const back = unturnQuarters([ux, uy, ux + 1, uy + 1], quarters, stored.width, stored.height);
    expect(back).toEqual([7, 11, 8, 12]);
  });

  it("a small skew turns a box about the page centre and back", () => {
    const box: Box = [100, 200, 140, 212];
    const there = unturnBox(box, 2, 300, 400);
    const back = unturnBox(there, -2, 300, 400);
    // Turning a box's corners and taking their bounds grows it a little, never loses the original.
    expect(back[0]).toBeLessThanOrEqual(box[0]);
    expect(back[1]).toBeLessThanOrEqual(box[1]);
    expect(back[2]).toBeGreaterThanOrEqual(box[2]);
    expect(back[3]).toBeGreaterThanOrEqual(box[3]);
    expect(back[2] - back[0]).toBeLessThan(box[2] - box[0] + 2);
  });

  it("tells lines of text that run up and down from lines that run across", () => {
    const width = 400;
    const height = 400;
    const data = new Uint8Array(width * height);
    // Lines of "text": bands 8 px high every 24 px, broken into words.
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) data[y * width + x] = y % 24 < 8 && x % 40 < 30 ? 1 : 0;
    const across = { width, height, data };
    const turned = turnQuarters({ width, height, data: data.map((v) => (v ? 0 : 255)) }, 1);
    expect(runsSideways(across)).toBe(false);
    expect(runsSideways({ ...turned, data: turned.data.map((v) => (v === 0 ? 1 : 0)) })).toBe(true);
  });
});

describe("agency names against GB/T 2260", () => {
  it.each([
    "固原市海原县人民政府办公室",
    "宁夏回族自治区固原市海原县人民政府",
    "苏州市生态环境局",
    "国家税务总局固原市税务局",
    "海原县",
  ])("%s names a known place", (agency) => {
    expect(checkAgencyPlace(agency)).toEqual({ known: true, suggestions: [], strange: null });
  });

  it("offers the one division a character away, without changing the name", () => {
    expect(checkAgencyPlace("司原市人民政府办公室")).toEqual({
      known: false,
      suggestions: ["固原市", "太原市", "开原市", "松原市"].sort(),
      strange: "原",
    });
  });

  it.each([
    "银川市西夏区兴泾镇人民政府",
    "深圳市福田区华富街道办事处",
    "广州市公安局交通警察支队",
    "杭州市住房公积金管理中心",
    "成都市公共资源交易服务中心",
    "郑州市中级人民法院",
    "武汉市江岸区退役军人事务局",
    "长沙市自然资源和规划局",
    "苏州工业园区管理委员会",
    "国务院办公厅",
  ])("%s is spelled out by the agency vocabulary", (agency) => {
    expect(checkAgencyPlace(agency).strange).toBeNull();
  });

  it.each([
    ["南京币司法局", "币"],
    ["厦门市人民政府门户网站官理中心", "官理"],
  ])("%s holds characters no agency word spells: %s", (agency, strange) => {
    const place = checkAgencyPlace(agency);
    expect(place.known).toBe(true);
    expect(place.strange).toBe(strange);
  });
});

describe("mending an OCR agency from the recogniser's second readings", () => {
  const item = (text: string, doubts: TextItem["doubts"]): TextItem => ({
    text,
    box: [0, 0, 100, 10],
    fontSize: 10,
    fontName: "ocr",
    source: "ocr",
    confidence: 0.5,
    ...(doubts ? { doubts } : {}),
  });

  it("takes the runner-up that spells a known agency name", () => {
    const title = item("南京币司法局2022年政府信息公开工作年度报告", [{ at: 2, char: "市", confidence: 0.31 }]);
    expect(reviseAgency("南京币司法局", [title])).toEqual({
      agency: "南京市司法局",
      changes: [{ from: "币", to: "市", confidence: 0.31 }],
    });
  });

  it("finds the character in a line that holds only part of the name", () => {
    const line = item("网站官理中心", [{ at: 2, char: "管", confidence: 0.2 }]);
    expect(reviseAgency("厦门市人民政府门户网站官理中心", [line])?.agency).toBe("厦门市人民政府门户网站管理中心");
  });

  it("changes nothing the image does not offer", () => {
    // 币's runner-up is 巾: no mending spells an agency name, so none is made.
    const title = item("南京币司法局", [{ at: 2, char: "巾", confidence: 0.3 }]);
    expect(reviseAgency("南京币司法局", [title])).toBeNull();
    expect(reviseAgency("南京币司法局", [item("南京币司法局", undefined)])).toBeNull();
  });
});

describe("specks", () => {
  it("paints out lone specks and keeps a decimal point beside its digits", () => {
    const width = 200;
    const height = 60;
    const binary = { width, height, data: new Uint8Array(width * height) };
    const gray = { width, height, data: new Uint8Array(width * height).fill(255) };
    const ink = (x0: number, y0: number, x1: number, y1: number) => {
      for (let y = y0; y <= y1; y++)
        for (let x = x0; x <= x1; x++) {
          binary.data[y * width + x] = 1;
          gray.data[y * width + x] = 0;
        }
    };
    // "0.5" with 20 px text: two digit blocks and a 2 × 2 point between them, 2 px from each.
    ink(20, 20, 31, 39);
    ink(34, 37, 35, 38);
    ink(38, 20, 49, 39);
    // Lone specks far from any ink.
    ink(120, 10, 121, 11);
    ink(170, 45, 172, 46);
    expect(despeckle(gray, binary, 20)).toBe(2);
    expect(binary.data[37 * width + 34]).toBe(1);
    expect(binary.data[10 * width + 120]).toBe(0);
    expect(gray.data[45 * width + 171]).toBe(255);
    expect(binary.data[30 * width + 25]).toBe(1);
  });
  it("paints out a lone speck's gray fringe with it, and leaves a glyph's edge", () => {
    const width = 200;
    const height = 60;
    const binary = { width, height, data: new Uint8Array(width * height) };
    const gray = { width, height, data: new Uint8Array(width * height).fill(255) };
    // A speck shrunk from a finer scan: a dark 2 × 2 core in a lighter ring (left, it reads as a "1").
    for (let y = 9; y <= 12; y++) for (let x = 119; x <= 122; x++) gray.data[y * width + x] = 200;
    for (let y = 10; y <= 11; y++)
      for (let x = 120; x <= 121; x++) {
        gray.data[y * width + x] = 0;
        binary.data[y * width + x] = 1;
      }
    // A digit with a gray edge.
    for (let y = 20; y <= 39; y++)
      for (let x = 20; x <= 31; x++) {
        gray.data[y * width + x] = 0;
        binary.data[y * width + x] = 1;
      }
    for (let y = 20; y <= 39; y++) gray.data[y * width + 32] = 200;
    expect(despeckle(gray, binary, 20)).toBe(1);
    expect([gray.data[9 * width + 119], gray.data[12 * width + 122], gray.data[10 * width + 120]]).toEqual([
      255, 255, 255,
    ]);
    expect(gray.data[30 * width + 32]).toBe(200);
  });
  it("a speck two pixels wide that the recogniser reads as a 1 is no printed blank", () => {
    const width = 80;
    const height = 40;
    const binary = { width, height, data: new Uint8Array(width * height) };
    for (let y = 20; y <= 21; y++) for (let x = 40; x <= 42; x++) binary.data[y * width + x] = 1;
    const box = [30, 8, 54, 32] as const;
    const one = [{ char: "1", x0: 6, x1: 22, confidence: 0.9 }];
    const items = regionItems(
      { region: { box: [...box], score: 0.9 }, pad: 2 },
      { chars: one, digits: one },
      inkSegments(binary, [...box]),
      binary,
      2,
      20,
    );
    expect(items.map((i) => i.text)).not.toContain("-");
  });
  it("drops a minus sign read where the ink starts with no flat stroke (a speck), and doubts the digits", () => {
    const width = 120;
    const height = 40;
    const binary = { width, height, data: new Uint8Array(width * height) };
    const ink = (x0: number, y0: number, x1: number, y1: number) => {
      for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) binary.data[y * width + x] = 1;
    };
    ink(32, 18, 33, 19); // a speck
    ink(40, 10, 49, 29); // "2"
    ink(52, 10, 61, 29); // "6"
    const box = [30, 6, 66, 32] as const;
    const read = [
      { char: "-", x0: 2, x1: 6, confidence: 0.9 },
      { char: "2", x0: 10, x1: 20, confidence: 0.99 },
      { char: "6", x0: 22, x1: 32, confidence: 0.99 },
    ];
    const items = regionItems(
      { region: { box: [...box], score: 0.9 }, pad: 2 },
      { chars: read, digits: read },
      inkSegments(binary, [...box]),
      binary,
      2,
      20,
    );
    expect(items.map((i) => [i.text, (i.confidence ?? 1) <= DISPUTED])).toEqual([["26", true]]);
    // A flat stroke at mid-height before the digits is a minus sign, kept.
    ink(31, 18, 35, 19);
    const signed = regionItems(
      { region: { box: [...box], score: 0.9 }, pad: 2 },
      { chars: read, digits: read },
      inkSegments(binary, [...box]),
      binary,
      2,
      20,
    );
    expect(signed.map((i) => i.text)).toEqual(["-26"]);
  });
  it("a dash with specks above, below and touching it is a printed blank, not the 1 the recogniser reads", () => {
    const width = 80;
    const height = 40;
    const binary = { width, height, data: new Uint8Array(width * height) };
    const ink = (x0: number, y0: number, x1: number, y1: number) => {
      for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) binary.data[y * width + x] = 1;
    };
    // A 20 × 2 px dash in a 20 px text line; a speck stands on it, others lie above and below (a speckled scan).
    ink(30, 20, 49, 21);
    ink(42, 17, 43, 19);
    ink(33, 12, 34, 13);
    ink(46, 27, 47, 28);
    const box = [26, 8, 54, 32] as const;
    const segments = inkSegments(binary, [...box]);
    const recognition = {
      chars: [{ char: "1", x0: 6, x1: 22, confidence: 0.99 }],
      digits: [{ char: "1", x0: 6, x1: 22, confidence: 0.99 }],
    };
    const items = regionItems({ region: { box: [...box], score: 0.9 }, pad: 2 }, recognition, segments, binary, 2, 20);
    expect(items.map((i) => [i.text, i.confidence])).toEqual([["-", DASH_CONFIDENCE]]);
  });
  it("a faint 4 broken into its bar and crumbs stays the 4 the recogniser reads", () => {
    const width = 80;
    const height = 40;
    const binary = { width, height, data: new Uint8Array(width * height) };
    const ink = (x0: number, y0: number, x1: number, y1: number) => {
      for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) binary.data[y * width + x] = 1;
    };
    ink(30, 22, 45, 23); // the bar
    ink(40, 10, 41, 13); // crumbs of the stem and the diagonal, each speck-sized
    ink(40, 16, 41, 19);
    ink(40, 26, 41, 29);
    ink(34, 14, 35, 16);
    const box = [26, 6, 50, 32] as const;
    const segments = inkSegments(binary, [...box]);
    const four = [{ char: "4", x0: 6, x1: 20, confidence: 0.95 }];
    const items = regionItems(
      { region: { box: [...box], score: 0.9 }, pad: 2 },
      { chars: four, digits: four },
      segments,
      binary,
      2,
      20,
    );
    expect(items.map((i) => i.text)).toEqual(["4"]);
  });
  describe("rules crossing a region, and glyphs its box cut", () => {
    const width = 120;
    const height = 80;
    const image = () => {
      const binary = { width, height, data: new Uint8Array(width * height) };
      const ink = (x0: number, y0: number, x1: number, y1: number) => {
        for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) binary.data[y * width + x] = 1;
      };
      return { binary, ink };
    };
    const inked = (segments: readonly (readonly number[])[], x: number) =>
      segments.some((s) => (s[0] ?? 0) <= x && x <= (s[2] ?? 0));
    it("keeps a 1 whose top the detector's short box cut off: it ends at its foot", () => {
      const { binary, ink } = image();
      ink(50, 20, 51, 41); // the stem, 22 px: the box starts 8 px down it
      ink(47, 41, 54, 42); // its foot, a row past the box
      expect(inked(inkSegments(binary, [44, 28, 58, 41], undefined, 24), 50)).toBe(true);
    });
    it("drops a border that crosses the region, and one that meets the table's top rule and runs on down", () => {
      const { binary, ink } = image();
      ink(30, 0, 31, 79); // a border through the whole cell
      ink(70, 28, 71, 79); // a border from the top rule (at the region's top) down the table
      ink(60, 30, 61, 38); // a digit's stem, inside
      const segments = inkSegments(binary, [24, 28, 80, 41], undefined, 24);
      expect(inked(segments, 30)).toBe(false);
      expect(inked(segments, 70)).toBe(false);
      expect(inked(segments, 60)).toBe(true);
    });
  });
});
