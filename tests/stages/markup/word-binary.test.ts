import { describe, expect, it } from "vitest";
import {
  buildWord,
  IN_TABLE,
  INNER_CELL,
  INNER_TTP,
  itap,
  sprm,
  TTP,
  tableDef,
  u16,
  type WordOptions,
} from "../../../scripts/word-binary-writer.js";
import { InputError } from "../../../src/errors.js";
import { type DocBlock, wordBinaryBlocks } from "../../../src/stages/markup/index.js";

/** Blocks as short strings: "p[1] 标题", "tbl[1] a | b{c2} / c | d{r2}". */
function show(blocks: readonly DocBlock[]): string[] {
  return blocks.map((b) => {
    if (b.kind === "paragraph") return `${b.locator} ${b.text}`;
    if (b.kind === "image") return `${b.locator} <img>`;
    const rows = b.rows.map((row) =>
      row
        .map(
          (c) =>
            `${c.lines.join("/")}${c.colSpan > 1 ? `{c${c.colSpan}}` : ""}${c.rowSpan > 1 ? `{r${c.rowSpan}}` : ""}`,
        )
        .join(" | "),
    );
    return `${b.locator} ${rows.join(" / ")}`;
  });
}

const cell = (text: string) => ({ text: `${text}\x07`, sprms: IN_TABLE });
const rowEnd = (centers: readonly number[], merges: readonly { h?: number; v?: number }[] = []) => ({
  text: "\x07",
  sprms: [...IN_TABLE, ...TTP, ...tableDef(centers, merges)],
});
const para = (text: string) => ({ text: `${text}\r` });

describe("wordBinaryBlocks: text", () => {
  it("reads paragraphs and a table from UTF-16 pieces stored out of order", () => {
    const streams = buildWord(
      [
        para("某县2020年政府信息公开工作年度报告"),
        cell("信息内容"),
        cell("数量"),
        rowEnd([0, 2000, 3000]),
        cell("规章"),
        cell("3"),
        rowEnd([0, 2000, 3000]),
        para("完"),
      ],
      { cuts: [5, 23, 30] },
    );
    expect(show(wordBinaryBlocks(streams))).toEqual([
      "p[1] 某县2020年政府信息公开工作年度报告",
      "tbl[1] 信息内容 | 数量 / 规章 | 3",
      "p[2] 完",
    ]);
  });

  it("reads 8-bit pieces as Windows-1252 ([MS-DOC] 2.4.1)", () => {
    const streams = buildWord([para("“Annual” report — 2020"), para("x")], {
      encoding: "cp1252",
      lid: 0x0409,
      cuts: [4],
    });
    expect(show(wordBinaryBlocks(streams))).toEqual(["p[1] “Annual” report — 2020", "p[2] x"]);
  });

  it("reads 8-bit pieces holding GB2312 pairs in a Chinese document as GBK", () => {
    const streams = buildWord([para("政府信息公开"), cell("收到申请"), cell("12"), rowEnd([0, 1500, 2500])], {
      encoding: "gbk",
    });
    expect(show(wordBinaryBlocks(streams))).toEqual(["p[1] 政府信息公开", "tbl[1] 收到申请 | 12"]);
  });

  it("shows field results, not instructions; line breaks split lines; tabs are spaces", () => {
    const streams = buildWord([
      para('\x13 HYPERLINK "http://x" \x14链接文字\x15 第\x13 PAGE \x143\x15页'),
      para("第一行\x0b第二行\tA"),
      para('\x13 TOC \\o "1-3" \x14目录一'),
      para("目录二\x15"),
    ]);
    expect(show(wordBinaryBlocks(streams))).toEqual([
      "p[1] 链接文字 第3页",
      "p[2] 第一行",
      "p[2] 第二行 A",
      "p[3] 目录一",
      "p[4] 目录二",
    ]);
  });
});

describe("wordBinaryBlocks: table structure", () => {
  it("gives column spans from cell boundaries and from horzMerge flags, row spans from vertMerge runs", () => {
    const grid = [0, 1000, 2000, 3000];
    const streams = buildWord([
      cell("申请人情况"),
      rowEnd([0, 3000]),
      cell("三、办理结果"),
      cell("予以公开"),
      cell("5"),
      rowEnd(grid, [{ v: 3 }]),
      cell(""),
      cell("部分"),
      cell(""),
      rowEnd(grid, [{ v: 1 }, { h: 1 }, { h: 2 }]),
    ]);
    expect(show(wordBinaryBlocks(streams))).toEqual([
      "tbl[1] 申请人情况{c3} / 三、办理结果{r2} | 予以公开 | 5 / 部分{c2}",
    ]);
  });

  it("a vertical merge over two columns: the continued row's horizontally merged cells go to the merge too", () => {
    const grid = [0, 1000, 2000, 3000];
    const streams = buildWord([
      cell("（三）不予公开"),
      cell(""),
      cell("1"),
      rowEnd(grid, [
        { h: 1, v: 3 },
        { h: 2, v: 3 },
      ]),
      cell(""),
      cell(""),
      cell("2"),
      rowEnd(grid, [
        { h: 1, v: 1 },
        { h: 2, v: 1 },
      ]),
    ]);
    expect(show(wordBinaryBlocks(streams))).toEqual(["tbl[1] （三）不予公开{c2}{r2} | 1 / 2"]);
  });

  it("puts an empty cell before a row that starts right of the table's edge", () => {
    const streams = buildWord([cell("a"), cell("b"), rowEnd([0, 1000, 2000]), cell("c"), rowEnd([1000, 2000])]);
    expect(show(wordBinaryBlocks(streams))).toEqual(["tbl[1] a | b /  | c"]);
  });

  it("reads a table nested in a cell (itap 2): the outer table is layout, the inner one data", () => {
    const inner = (text: string) => ({ text: `${text}\r`, sprms: [...IN_TABLE, ...itap(2), ...INNER_CELL] });
    const innerRow = { text: "\r", sprms: [...IN_TABLE, ...itap(2), ...INNER_TTP, ...tableDef([0, 900, 1800])] };
    const streams = buildWord([
      { text: "正文\r", sprms: [...IN_TABLE, ...itap(1)] },
      inner("行政复议"),
      inner("2"),
      innerRow,
      { text: "\x07", sprms: [...IN_TABLE, ...itap(1)] },
      { text: "\x07", sprms: [...IN_TABLE, ...itap(1), ...TTP, ...tableDef([0, 2000])] },
      para("后记"),
    ]);
    expect(show(wordBinaryBlocks(streams))).toEqual([
      "tbl[1]/tr[1]/tc[1]/p[1] 正文",
      "tbl[1]/tr[1]/tc[1]/tbl[1] 行政复议 | 2",
      "p[1] 后记",
    ]);
  });

  it("reads a row definition kept in the Data stream (sprmPHugePapx)", () => {
    const def = tableDef([0, 1000, 2000]);
    const data = new Uint8Array([0, 0, 0, 0, ...u16(def.length), ...def]);
    const streams = buildWord(
      [cell("a"), cell("b"), { text: "\x07", sprms: [...IN_TABLE, ...TTP, ...sprm(0x6646, 4, 0, 0, 0)] }],
      { data },
    );
    expect(show(wordBinaryBlocks(streams))).toEqual(["tbl[1] a | b"]);
  });
});

describe("wordBinaryBlocks: bad files end with an error class", () => {
  const good = () => buildWord([para("年度报告"), cell("a"), rowEnd([0, 1000])]);
  const errorOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return error instanceof InputError ? `${error.errorClass}: ${error.message}` : `not an InputError: ${error}`;
    }
    return "no error";
  };

  it.each([
    ["fEncrypted", { flags: 0x0300 } as WordOptions, /^encrypted:/],
    ["a Word 6.0/95 FIB", { nFib: 0x65 } as WordOptions, /^unsupported: .*Word 6\.0\/95/],
  ])("%s", (_name, options, expected) => {
    const streams = buildWord([para("年度报告")], options);
    // Word 6.0/95 FIBs have no csw of 14 at offset 32.
    if (options.nFib !== undefined) new DataView(streams.wordDocument.buffer).setUint16(32, 0x1234, true);
    expect(errorOf(() => wordBinaryBlocks(streams))).toMatch(expected);
  });

  it("a piece pointing past the WordDocument stream is corrupt", () => {
    const streams = good();
    const table = streams.stream("1Table") as Uint8Array;
    const view = new DataView(table.buffer, table.byteOffset);
    // The Clx follows the PlcBtePapx; its first PCD's fc (after 0x02, lcb and two CPs, two flag bytes).
    const fib = new DataView(streams.wordDocument.buffer);
    const clx = fib.getUint32(154 + 33 * 8, true);
    view.setUint32(clx + 5 + 8 + 2, 0x3ffffff0, true);
    expect(errorOf(() => wordBinaryBlocks(streams))).toMatch(/^corrupt: .*past the end of its WordDocument stream/);
  });

  it("a missing table stream is corrupt", () => {
    const streams = good();
    expect(errorOf(() => wordBinaryBlocks({ ...streams, stream: () => null }))).toMatch(/^corrupt: .*no 1Table stream/);
  });

  it("a table depth of 2^31 is clamped, not followed", () => {
    const streams = buildWord([
      { text: "x\x07", sprms: [...IN_TABLE, ...itap(0x7fffffff), ...INNER_CELL] },
      para("完"),
    ]);
    const blocks = wordBinaryBlocks(streams);
    expect(show(blocks).at(-1)).toBe("p[1] 完");
  });

  it("a PlcBtePapx naming FKP pages past the stream is corrupt", () => {
    const streams = good();
    const table = streams.stream("1Table") as Uint8Array;
    // One FKP: aFC[0], aFC[1], then pn.
    new DataView(table.buffer, table.byteOffset).setUint32(8, 0x3fffff, true);
    expect(errorOf(() => wordBinaryBlocks(streams))).toMatch(/^corrupt:/);
  });
});
