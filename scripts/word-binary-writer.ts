/**
 * A minimal writer of Word 97–2003 binary streams ([MS-DOC]), a second writer beside LibreOffice for the reader's
 * tests and for samples/formats (scripts/samples-formats.ts): a FIB, the text in pieces (UTF-16 or 8-bit, stored
 * in any order), PAPX runs in 512-byte FKP pages, PlcBtePapx and the Clx, wrapped in a compound file by `cfb`.
 * It writes what LibreOffice does not (8-bit pieces, GBK text, several pieces out of order, merge flags instead of
 * cell widths, fields, huge PAPX). Not a general writer: no styles, fonts or character properties.
 */
import * as CFB from "cfb";
import type { DocBlock } from "../src/stages/markup/index.js";
export interface WordParagraph {
  /** Text including its mark at the end (\r paragraph, \x07 cell or row end). */
  readonly text: string;
  readonly sprms?: readonly number[];
}

export interface WordOptions {
  /** How the text is stored: UTF-16 (default), 8-bit Windows-1252, or 8-bit GBK (as some writers do). */
  readonly encoding?: "utf16" | "cp1252" | "gbk";
  /** CPs at which the text is cut into pieces; the pieces are stored in the stream last first. */
  readonly cuts?: readonly number[];
  readonly lid?: number;
  readonly flags?: number;
  readonly nFib?: number;
  /** Extra root streams (Data). */
  readonly data?: Uint8Array;
}

export interface WordStreamsBuilt {
  readonly wordDocument: Uint8Array;
  readonly stream: (name: string) => Uint8Array | null;
}

const FIB_SIZE = 1024;

export function buildWord(paragraphs: readonly WordParagraph[], options: WordOptions = {}): WordStreamsBuilt {
  const encoding = options.encoding ?? "utf16";
  const text = paragraphs.map((p) => p.text).join("");
  const chars = [...text];
  const cuts = [0, ...(options.cuts ?? []), chars.length];
  const pieces = cuts.slice(0, -1).map((from, i) => ({ from, to: cuts[i + 1] as number }));
  const encode = (s: string): Uint8Array =>
    encoding === "utf16"
      ? new Uint8Array(Buffer.from(s, "utf16le"))
      : encoding === "gbk"
        ? encodeGbk(s)
        : new Uint8Array([...s].map((c) => cp1252(c)));
  // Pieces stored last first, so file order differs from CP order.
  const body: number[] = [];
  const placed = new Map<number, number>();
  const charFc: number[] = new Array(chars.length);
  for (const [i, piece] of [...pieces.entries()].reverse()) {
    const fc = FIB_SIZE + body.length;
    placed.set(i, fc);
    let at = fc;
    for (let c = piece.from; c < piece.to; c++) {
      charFc[c] = at;
      const bytes = encode(chars[c] as string);
      body.push(...bytes);
      at += bytes.length;
    }
  }
  // GBK pieces hold 2 bytes for some characters: a piece is one character per byte, so GBK pieces are cut at
  // byte level by the reader; the CP count of a piece is its byte count.
  const fkpStart = Math.ceil((FIB_SIZE + body.length) / 512) * 512;
  const { pages, bte } = papxPages(paragraphs, charFc, encoding, fkpStart);
  const word = new Uint8Array(fkpStart + pages.length);
  word.set(body, FIB_SIZE);
  word.set(pages, fkpStart);
  // Clx: a Pcdt with its PlcPcd.
  const cps: number[] = [];
  const pcds: number[] = [];
  let cp = 0;
  for (const [i, piece] of pieces.entries()) {
    cps.push(cp);
    const fc = placed.get(i) as number;
    const size =
      encoding === "utf16" ? piece.to - piece.from : encode(chars.slice(piece.from, piece.to).join("")).length;
    cp += size;
    const fcCompressed = encoding === "utf16" ? fc : (fc * 2) | 0x40000000;
    pcds.push(0, 0, ...u32(fcCompressed), 0, 0);
  }
  cps.push(cp);
  const plcPcd = [...cps.flatMap(u32), ...pcds];
  const clx = [0x02, ...u32(plcPcd.length), ...plcPcd];
  const table = new Uint8Array([...bte, ...clx]);
  // FIB.
  const view = new DataView(word.buffer);
  view.setUint16(0, 0xa5ec, true);
  view.setUint16(2, options.nFib ?? 0xc1, true);
  view.setUint16(6, options.lid ?? 0x0804, true);
  view.setUint16(0x0a, options.flags ?? 0x0200, true);
  view.setUint16(32, 14, true);
  view.setUint16(34 + 26, options.lid ?? 0x0804, true);
  view.setUint16(62, 22, true);
  view.setUint32(64 + 12, cp, true);
  view.setUint16(152, 93, true);
  const pair = (index: number, fc: number, lcb: number) => {
    view.setUint32(154 + index * 8, fc, true);
    view.setUint32(154 + index * 8 + 4, lcb, true);
  };
  pair(13, 0, bte.length);
  pair(33, bte.length, clx.length);
  const streams = new Map<string, Uint8Array>([["1Table", table]]);
  if (options.data) streams.set("Data", options.data);
  return { wordDocument: word, stream: (name) => streams.get(name) ?? null };
}

/** PAPX runs, one per paragraph, packed into FKP pages; the PlcBtePapx naming them. */
function papxPages(
  paragraphs: readonly WordParagraph[],
  charFc: readonly number[],
  encoding: string,
  fkpStart: number,
): { pages: Uint8Array; bte: number[] } {
  // PAPX runs cover the stream contiguously in FC order, each up to just after one paragraph mark: the run that
  // holds a mark gives its paragraph's properties (pieces stored out of order make FC order differ from CP order).
  const marks: { end: number; grpprl: number[] }[] = [];
  let c = 0;
  for (const p of paragraphs) {
    const last = c + [...p.text].length - 1;
    const markSize = encoding === "utf16" ? 2 : 1;
    marks.push({ end: (charFc[last] as number) + markSize, grpprl: [...(p.sprms ?? [])] });
    c += [...p.text].length;
  }
  marks.sort((a, b) => a.end - b.end);
  const runs = marks.map((m, i) => ({ start: i === 0 ? FIB_SIZE : (marks[i - 1]?.end as number), ...m }));
  const pages: Uint8Array[] = [];
  const fcs: number[] = [];
  let index = 0;
  while (index < runs.length) {
    const page = new Uint8Array(512);
    const view = new DataView(page.buffer);
    let top = 511;
    const inPage: typeof runs = [];
    const offsets: number[] = [];
    while (index < runs.length) {
      const run = runs[index] as (typeof runs)[number];
      const data = [0, 0, ...run.grpprl];
      const odd = data.length % 2 === 1;
      const size = 1 + (odd ? 0 : 1) + data.length;
      const start = (top - size) & ~1;
      const crun = inPage.length + 1;
      if (start < (crun + 1) * 4 + crun * 13 || crun > 255) {
        if (inPage.length === 0)
          throw new Error(`Expected a paragraph's properties to fit an FKP page, got ${size} bytes`);
        break;
      }
      if (odd) page.set([(data.length + 1) / 2, ...data], start);
      else page.set([0, data.length / 2, ...data], start);
      top = start;
      inPage.push(run);
      offsets.push(start / 2);
      index++;
    }
    const crun = inPage.length;
    for (const [i, run] of inPage.entries()) view.setUint32(i * 4, run.start, true);
    view.setUint32(crun * 4, (inPage.at(-1) as (typeof runs)[number]).end, true);
    offsets.forEach((o, i) => {
      page[(crun + 1) * 4 + i * 13] = o;
    });
    page[511] = crun;
    fcs.push(inPage[0]?.start ?? 0);
    pages.push(page);
  }
  fcs.push(runs.at(-1)?.end ?? 0);
  const bte = [...fcs.flatMap(u32), ...pages.flatMap((_, i) => u32(fkpStart / 512 + i))];
  const all = new Uint8Array(pages.length * 512);
  for (const [i, p] of pages.entries()) all.set(p, i * 512);
  return { pages: all, bte };
}

function u32(value: number): number[] {
  return [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff];
}

export function u16(value: number): number[] {
  return [value & 0xff, (value >>> 8) & 0xff];
}

/** sprm bytes: code then operand. */
export function sprm(code: number, ...operand: number[]): number[] {
  return [...u16(code), ...operand];
}

export const IN_TABLE = sprm(0x2416, 1);
export const TTP = sprm(0x2417, 1);
export const itap = (depth: number) => sprm(0x6649, ...u32(depth));
export const INNER_CELL = sprm(0x244b, 1);
export const INNER_TTP = sprm(0x244c, 1);

/** sprmTDefTable: cell boundaries (twips) and each cell's horzMerge / vertMerge flags. */
export function tableDef(centers: readonly number[], merges: readonly { h?: number; v?: number }[] = []): number[] {
  const count = centers.length - 1;
  const tcs = Array.from({ length: count }, (_, i) => {
    const m = merges[i] ?? {};
    return [...u16((m.h ?? 0) | ((m.v ?? 0) << 5)), ...new Array(18).fill(0)];
  }).flat();
  const body = [count, ...centers.flatMap((x) => u16(x)), ...tcs];
  return sprm(0xd608, ...u16(body.length + 1), ...body);
}

function cp1252(c: string): number {
  const code = c.codePointAt(0) as number;
  if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
  const table: Record<string, number> = { "“": 0x93, "”": 0x94, "—": 0x97, "€": 0x80 };
  return table[c] ?? 0x3f;
}

let gb2312: Map<string, number[]> | null = null;

/** GB2312 bytes of a text (each character looked up among every GB2312 code; "?" when it has none). */
function encodeGbk(text: string): Uint8Array {
  if (gb2312 === null) {
    gb2312 = new Map();
    const decoder = new TextDecoder("gbk");
    for (let lead = 0xa1; lead <= 0xf7; lead++) {
      for (let trail = 0xa1; trail <= 0xfe; trail++) {
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== "\ufffd" && !gb2312.has(ch)) gb2312.set(ch, [lead, trail]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    out.push(...(code < 0x80 ? [code] : (gb2312.get(ch) ?? [0x3f])));
  }
  return new Uint8Array(out);
}

/** The streams in a compound file, as a .doc on disk. */
export function toCompoundFile(streams: WordStreamsBuilt): Buffer {
  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, "/WordDocument", Buffer.from(streams.wordDocument));
  for (const name of ["1Table", "Data"]) {
    const bytes = streams.stream(name);
    if (bytes) CFB.utils.cfb_add(container, `/${name}`, Buffer.from(bytes));
  }
  return Buffer.from(CFB.write(container, { type: "buffer" }) as Uint8Array);
}

/**
 * Paragraphs and tables (the block model of the HTML and .docx front ends) as Word paragraphs: each table on a
 * uniform grid of `width`-twip columns, every grid slot a cell as Word stores them — a column span as cells
 * merged into the one before (horzMerge), a row span as a vertical merge run (vertMerge) — not as cell widths,
 * which is what LibreOffice writes.
 */
export function blocksToParagraphs(blocks: readonly DocBlock[], width = 900): WordParagraph[] {
  const out: WordParagraph[] = [];
  for (const block of blocks) {
    if (block.kind === "paragraph") out.push({ text: `${block.text}\r` });
    if (block.kind !== "table") continue;
    const taken: (number | undefined)[][] = [];
    type Slot = { text: string; h: number; v: number };
    const grid: Slot[][] = [];
    block.rows.forEach((row, r) => {
      const line = (grid[r] ??= []);
      let col = 0;
      for (const cell of row) {
        while (taken[r]?.[col] !== undefined) col++;
        for (let dr = 0; dr < cell.rowSpan; dr++) {
          for (let dc = 0; dc < cell.colSpan; dc++) {
            (taken[r + dr] ??= [])[col + dc] = 1;
            const slot = ((grid[r + dr] ??= [])[col + dc] = { text: "", h: 0, v: 0 });
            if (cell.colSpan > 1) slot.h = dc === 0 ? 1 : 2;
            if (cell.rowSpan > 1) slot.v = dr === 0 ? 3 : 1;
          }
        }
        (line[col] as Slot).text = cell.lines.join("\x0b");
        col += cell.colSpan;
      }
    });
    const columns = Math.max(...grid.map((row) => row.length));
    for (const row of grid) {
      const slots = Array.from({ length: columns }, (_, c) => row[c] ?? { text: "", h: 0, v: 0 });
      for (const slot of slots) out.push({ text: `${slot.text}\x07`, sprms: IN_TABLE });
      const centers = Array.from({ length: columns + 1 }, (_, i) => i * width);
      out.push({ text: "\x07", sprms: [...IN_TABLE, ...TTP, ...tableDef(centers, slots)] });
    }
  }
  return out;
}
