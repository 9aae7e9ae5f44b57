import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { blockText, tableGrid } from "../../../scripts/check-formats/word-oracle.js";
import { extractDocument } from "../../../src/pipeline/extract-document.js";
import { readCompoundFile } from "../../../src/stages/ingest/read-compound-file.js";
import { type DocTable, wordBinaryBlocks } from "../../../src/stages/markup/index.js";
import { StreamReader } from "../../../src/stages/markup/word/bytes.js";
import { readFib } from "../../../src/stages/markup/word/fib.js";

// Word files written by Microsoft Word and WPS Office (Apache POI's and node-word-extractor's test data,
// tests/fixtures/word-real/README.md), each read by
// gongkai's Word reader and held to what LibreOffice reads from it (<stem>.lo.json, scripts/check-formats/
// word-oracle.ts): the same tables cell for cell and the same characters, none gongkai's alone.
const dir = join(import.meta.dirname, "../../fixtures/word-real");

interface Oracle {
  readonly text: string;
  readonly tables: string[][][];
}

function read(stem: string) {
  const cf = readCompoundFile(new Uint8Array(readFileSync(join(dir, `${stem}.doc`))));
  const blocks = wordBinaryBlocks({ wordDocument: cf.stream("WordDocument") as Uint8Array, stream: cf.stream });
  const oracle = JSON.parse(readFileSync(join(dir, `${stem}.lo.json`), "utf8")) as Oracle;
  return { blocks, oracle };
}

/** LibreOffice's HTML export leaves out a table's trailing rows with no text; so does this comparison. */
const trimRows = (grid: string[][]) => {
  const rows = [...grid];
  while (rows.length > 0 && (rows.at(-1) as string[]).every((c) => c === "")) rows.pop();
  return rows;
};

/** Characters of `ours` that LibreOffice does not have (a multiset difference), and how many of its it has. */
function compareText(ours: string, theirs: string): { extra: string; common: number } {
  const bag = new Map<string, number>();
  for (const c of theirs) bag.set(c, (bag.get(c) ?? 0) + 1);
  let extra = "";
  let common = 0;
  for (const c of ours) {
    const n = bag.get(c) ?? 0;
    if (n > 0) {
      bag.set(c, n - 1);
      common += 1;
    } else extra += c;
  }
  return { extra, common };
}

describe("Word 97–2003 files written by Microsoft Word and WPS Office read as LibreOffice reads them", () => {
  // [stem, what it is, tables, cells, characters LibreOffice has that gongkai must have too]
  it.each([
    ["poi-simple-table", "Word 8.0 (97), one table", 1, 6, 189],
    ["poi-table-merges", "Word 2003 (nFib 257), merged cells", 1, 20, 11],
    ["poi-innertable", "Word 2003, a table nested in a cell", 1, 4, 14],
    ["poi-Bug51834", "Word 2007 saving .doc, 76-cell table", 1, 76, 4146],
    ["poi-Bug48065", "Word 2007 saving .doc, sparse table", 1, 12, 34],
    ["poi-AIOOB-Tap", "Word 8.0, five tables, Wingdings symbols", 5, 182, 6283],
    ["poi-rasp", "fast-saved (fComplex, 34 pieces, Prm1 sprms), Word 8.0, Cyrillic", 2, 4, 1514],
    ["poi-Bug33519", "fast-saved 8 times (421 pieces, 328 with Prm1 sprms), Word 8.0", 3, 145, 3633],
    ["nwe-test03", "Word 2003, a table of 30 cells", 1, 30, 1687],
    ["nwe-test12", "Word for Mac, a table with empty cells", 1, 6, 91],
    ["nwe-test11", "WPS Office 10.1 (KSOProductBuildVer 2052-10.1.0.5850), Chinese, fast-saved", 0, 0, 69],
    ["nwe-test09", "Word 2007, literal “(” that are no symbols", 0, 0, 57],
  ] as const)("%s (%s): its tables cell for cell and its text", (stem, _what, tables, cells, common) => {
    const { blocks, oracle } = read(stem);
    const ours = blocks.filter((b): b is DocTable => b.kind === "table").map((t) => trimRows(tableGrid(t)));
    expect(ours).toEqual(oracle.tables.map(trimRows));
    expect({ tables: ours.length, cells: ours.flat(2).length }).toEqual({ tables, cells });
    const text = compareText(blockText(blocks), oracle.text);
    expect(text.common).toBe(common);
    expect(text.extra).toBe("");
  });

  it("shows a symbol-font character (sprmCSymbol) as its font's character, never as the “(” the text stores", () => {
    // Regression: AIOOB-Tap's five Wingdings arrows (0xE0) were read as "(" — characters LibreOffice does not have.
    const { blocks } = read("poi-AIOOB-Tap");
    const arrows = blocks.filter((b) => b.kind === "paragraph" && b.text.includes("\uf0e0"));
    expect(arrows.map((b) => b.locator)).toEqual(["p[37]", "p[40]", "p[54]", "p[55]", "p[63]"]);
    expect(arrows[0]).toMatchObject({ text: "ontvangstbevestiging één bezwaar (zonder verzoek) \uf0e0 BNBA020" });
  });

  it("maps the Symbol font's codes to Unicode: Bug53380_1's check marks (Symbol 0xD6) are √, not “(”", () => {
    const cf = readCompoundFile(new Uint8Array(readFileSync(join(dir, "poi-Bug53380_1.doc"))));
    const blocks = wordBinaryBlocks({ wordDocument: cf.stream("WordDocument") as Uint8Array, stream: cf.stream });
    const table = blocks.find((b): b is DocTable => b.kind === "table" && b.locator === "tbl[9]");
    const marks = table?.rows.flatMap((row) =>
      row.filter((c) => c.lines.join("") !== "" && c.lines.join("").length < 3),
    );
    expect(marks?.map((c) => c.lines.join(""))).toEqual(["MA", "MO", "No", "√", "√"]);
    expect(
      blocks
        .filter((b) => b.kind === "table")
        .flatMap((b) => b.rows.flat())
        .filter((c) => c.lines.join("") === "("),
    ).toEqual([]);
  });
});

describe("Prm0: a piece's single sprm by index (fast saves)", () => {
  /** simple-table.doc's streams with its one piece's Prm replaced by `prm`. */
  function withPrm(prm: number) {
    const cf = readCompoundFile(new Uint8Array(readFileSync(join(dir, "poi-simple-table.doc"))));
    const wordDocument = cf.stream("WordDocument") as Uint8Array;
    const fib = readFib(new StreamReader(wordDocument, "WordDocument"));
    const table = Uint8Array.from(cf.stream(fib.tableStream) as Uint8Array);
    let at = fib.clx.fc;
    while (table[at] === 0x01) at += 3 + ((table[at + 1] as number) | ((table[at + 2] as number) << 8));
    expect(table[at]).toBe(0x02);
    const lcb = new DataView(table.buffer).getUint32(at + 1, true);
    const count = (lcb - 4) / 12;
    expect(count).toBe(1);
    new DataView(table.buffer).setUint16(at + 5 + (count + 1) * 4 + 6, prm, true);
    return wordBinaryBlocks({ wordDocument, stream: (name) => (name === fib.tableStream ? table : cf.stream(name)) });
  }
  const kinds = (blocks: ReturnType<typeof withPrm>) => blocks.map((b) => b.kind);

  it("applies isprm 0x18 (sprmPFInTable) after the paragraphs' own properties, as Word does", () => {
    expect(kinds(withPrm(0))).toEqual(["paragraph", "table", "paragraph"]);
    // isprm 0x18, val 0: no paragraph of the piece is in a table any more.
    expect(kinds(withPrm(0x18 << 1))).not.toContain("table");
  });

  it("ignores the isprms that only format (0x55 sprmCFBold)", () => {
    expect(kinds(withPrm((0x55 << 1) | (1 << 8)))).toEqual(["paragraph", "table", "paragraph"]);
  });
});

describe("a .doc written by WPS Office", () => {
  it("reads nwe-test11's Chinese paragraphs as they are", () => {
    const { blocks } = read("nwe-test11");
    expect(blocks.map((b) => (b.kind === "paragraph" ? b.text : b.kind))).toEqual([
      "这是一个用来测试nodejs解析Word文档.doccccc",
      "This is a test for parsing the Word file in node.",
    ]);
  });

  it("reads it under a .wps name as WPS Office saves Word-binary files: a document, not `unsupported`", async () => {
    const tmp = mkdtempSync(join(tmpdir(), "gongkai-wps-"));
    try {
      const wps = join(tmp, "wps-written.wps");
      copyFileSync(join(dir, "nwe-test11.doc"), wps);
      const { output } = await extractDocument(wps);
      expect(output.issues.map((i) => i.code)).toEqual(["not_a_report"]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it("keeps literal “(” (nwe-test09: no sprmCSymbol on them)", () => {
    const { blocks } = read("nwe-test09");
    expect(blocks.map((b) => (b.kind === "paragraph" ? b.text : b.kind))).toEqual([
      "{This line gets read fine}",
      "Ooops, where are the ( opening ( brackets?",
    ]);
  });
});

describe("compound-file stream names compare without case (MS-CFB 2.6.4)", () => {
  // Regression: POI's 47950 files store `worddocument` / `WORDDOCUMENT`; they were `unsupported` ("an OLE
  // compound file without a WordDocument stream").
  it.each(["poi-47950_lower", "poi-47950_upper"])("%s reads as a Word document", async (stem) => {
    const { blocks } = read(stem);
    expect(blocks.map((b) => (b.kind === "paragraph" ? b.text : b.kind))).toEqual(["This is a sample Word document"]);
    const { output } = await extractDocument(join(dir, `${stem}.doc`));
    expect(output.issues.map((i) => i.code)).toEqual(["not_a_report"]);
  });
});

describe("Word 6.0 and Word 95 files are a clear `unsupported`", () => {
  it.each([
    ["poi-Word6", 101, "Word 6.0, wIdent 0xA5DC"],
    ["poi-Word6_sections2", 104, "Word for Windows 95, wIdent 0xA5DC"],
    ["poi-Bug51944", 104, "Word for Windows 95, fast-saved, wIdent 0xA699"],
  ] as const)("%s (nFib %i, %s)", async (stem, nFib, _what) => {
    const { output } = await extractDocument(join(dir, `${stem}.doc`));
    expect(output.status).toBe("failure");
    expect(output.issues.map((i) => i.code)).toContain("unsupported");
    expect(output.issues.find((i) => i.code === "unsupported")?.message).toContain(`Word 6.0/95 format (nFib ${nFib})`);
    // LibreOffice reads text from each: these are documents, not broken files.
    const oracle = JSON.parse(readFileSync(join(dir, `${stem}.lo.json`), "utf8")) as Oracle;
    expect(oracle.text.length).toBeGreaterThan(10);
  });
});
