import type { StreamReader } from "./bytes.js";
import type { Fib } from "./fib.js";
import { findPapx, type PapxRun } from "./papx.js";
import type { Piece } from "./pieces.js";
import { hugePapx, operandI32, readSprms, SPRM, type Sprm } from "./sprm.js";
import { type RowDef, readRowDef } from "./table-def.js";

/** A paragraph of the main document: its text, how it ends, and the table properties it carries. */
export interface WordParagraph {
  /** The text split at line breaks (0x0B), fields shown as their results, special characters dropped. */
  readonly lines: string[];
  /** How it ends: 0x0D paragraph mark, 0x07 cell or row-end mark, 0x0C page or section break; -1 none (the end). */
  readonly mark: number;
  readonly props: ParagraphProps;
}

export interface ParagraphProps {
  /** Table depth: 0 body text, 1 a cell of a table, 2 a cell of a table nested in one … (sprmPItap, sprmPFInTable). */
  readonly depth: number;
  /** Ends a row at its depth (sprmPFTtp at depth 1, sprmPFInnerTtp deeper). */
  readonly rowEnd: boolean;
  /** Ends a cell at its depth (the 0x07 mark at depth 1, sprmPFInnerTableCell deeper). */
  readonly cellEnd: boolean;
  /** A row end's cell layout and merges. */
  readonly row: RowDef | null;
}

const MARKS = new Set([0x0d, 0x07, 0x0c]);
/** "(": what the text holds for a character from a symbol font (see ./symbols.ts). */
const SYMBOL_PLACEHOLDER = 0x28;
/** Table depth beyond which nothing is read as a table (a hostile file's sprmPItap of 2^31). */
const MAX_DEPTH = 64;

/**
 * The main document (CPs [0, ccpText)) as paragraphs in reading order. Each paragraph's properties are those of
 * the PAPX run holding its mark's FC, with the piece's own sprms (Prm1) applied after them. `symbols` gives, by
 * FC, the character a symbol-font placeholder stands for.
 */
export function readParagraphs(
  word: StreamReader,
  data: StreamReader | null,
  fib: Fib,
  pieces: readonly Piece[],
  papx: readonly PapxRun[],
  symbols: ReadonlyMap<number, string> = new Map(),
): WordParagraph[] {
  const paragraphs: WordParagraph[] = [];
  const fields = new FieldState();
  let text = "";
  const eightBit = eightBitCodec(word, fib, pieces);
  for (const piece of pieces) {
    const size = piece.compressed ? 1 : 2;
    const count = piece.cpEnd - piece.cpStart;
    const bytes = word.slice(piece.fc, count * size);
    const decode = (from: number, to: number) =>
      piece.compressed ? eightBit.decode(bytes.subarray(from, to)) : UTF16.decode(bytes.subarray(from * 2, to * 2));
    let start = 0;
    for (let i = 0; i < count; i++) {
      const unit = piece.compressed
        ? (bytes[i] as number)
        : (bytes[i * 2] as number) | ((bytes[i * 2 + 1] as number) << 8);
      if (unit === SYMBOL_PLACEHOLDER) {
        const symbol = symbols.get(piece.fc + i * size);
        if (symbol !== undefined) {
          text += decode(start, i) + symbol;
          start = i + 1;
        }
        continue;
      }
      if (!MARKS.has(unit)) continue;
      text += decode(start, i);
      start = i + 1;
      const fc = piece.fc + i * size;
      const sprms = [...runSprms(data, findPapx(papx, fc)), ...(piece.grpprl ? readSprms(piece.grpprl) : [])];
      paragraphs.push({ lines: fields.show(text), mark: unit, props: readProps(sprms, unit) });
      text = "";
    }
    text += decode(start, count);
  }
  if (text !== "") paragraphs.push({ lines: fields.show(text), mark: -1, props: readProps([], -1) });
  return paragraphs;
}

const UTF16 = new TextDecoder("utf-16le");

function runSprms(data: StreamReader | null, run: PapxRun | null): Sprm[] {
  if (run === null) return [];
  const sprms = readSprms(run.grpprl);
  const huge = sprms.find((s) => s.code === SPRM.pHugePapx);
  return huge ? [...sprms, ...readSprms(hugePapx(data, huge.operand))] : sprms;
}

function readProps(sprms: readonly Sprm[], mark: number): ParagraphProps {
  let inTable = false;
  let ttp = false;
  let itap: number | null = null;
  let innerCell = false;
  let innerTtp = false;
  for (const { code, operand } of sprms) {
    if (code === SPRM.pFInTable) inTable = operand[0] === 1;
    else if (code === SPRM.pFTtp) ttp = operand[0] === 1;
    else if (code === SPRM.pItap) itap = operandI32(operand);
    else if (code === SPRM.pDtap) itap = (itap ?? (inTable ? 1 : 0)) + operandI32(operand);
    else if (code === SPRM.pFInnerTableCell) innerCell = operand[0] === 1;
    else if (code === SPRM.pFInnerTtp) innerTtp = operand[0] === 1;
  }
  // sprmPItap wins; a writer that gives only sprmPFInTable means depth 1.
  const depth = itap !== null && itap > 0 ? Math.min(itap, MAX_DEPTH) : inTable ? 1 : 0;
  const rowEnd = depth === 1 ? ttp : depth > 1 && innerTtp;
  const cellEnd = depth === 1 ? mark === 0x07 && !ttp : depth > 1 && innerCell;
  return { depth, rowEnd, cellEnd, row: rowEnd ? readRowDef(sprms) : null };
}

/**
 * Fields ([MS-DOC] 2.8.25): 0x13 begins one, 0x14 separates its instructions from its result, 0x15 ends it. Only
 * results are text (a TOC's entries, a HYPERLINK's words); instructions (TOC \o "1-3", PAGE) are not. Fields
 * nest and may span paragraphs, so the state runs through the document.
 */
class FieldState {
  /** Per open field: whether its result has started. */
  private readonly open: boolean[] = [];

  show(raw: string): string[] {
    const lines: string[] = [];
    let line = "";
    for (const char of raw) {
      const code = char.codePointAt(0) as number;
      if (code === 0x13) {
        if (this.open.length < MAX_DEPTH) this.open.push(false);
        continue;
      }
      if (code === 0x14) {
        if (this.open.length > 0) this.open[this.open.length - 1] = true;
        continue;
      }
      if (code === 0x15) {
        this.open.pop();
        continue;
      }
      if (!this.open.every(Boolean)) continue;
      if (code === 0x0b || code === 0x0e) {
        lines.push(line);
        line = "";
      } else if (code === 0x09) line += " ";
      else if (code === 0x1e) line += "-";
      else if (code >= 0x20) line += char;
    }
    lines.push(line);
    return lines;
  }
}

/** Chinese language ids: zh-CN, zh-SG (GBK) — a writer that stores 8-bit text in the system code page. */
const SIMPLIFIED_CHINESE = new Set([0x0804, 0x1004]);

/**
 * How 8-bit ("compressed") pieces are decoded. [MS-DOC] 2.4.1 says Windows-1252, which Word always writes; some
 * other writers store GBK bytes in them. GBK is used only for a Chinese document whose 8-bit pieces hold their
 * high bytes in pairs that are all GB2312/GBK double-byte characters (at least two), never a lone high byte
 * (Windows-1252 “ ” — · are single high bytes between ASCII), and mostly GB2312 pairs.
 */
function eightBitCodec(word: StreamReader, fib: Fib, pieces: readonly Piece[]): TextDecoder {
  const cp1252 = new TextDecoder("windows-1252");
  if (!SIMPLIFIED_CHINESE.has(fib.lid) && !SIMPLIFIED_CHINESE.has(fib.lidFE)) return cp1252;
  // GB2312 characters (both bytes 0xA1–0xFE) and other GBK pairs (a trail byte from 0x40).
  let strong = 0;
  let weak = 0;
  for (const piece of pieces) {
    if (!piece.compressed) continue;
    const bytes = word.slice(piece.fc, piece.cpEnd - piece.cpStart);
    for (let i = 0; i < bytes.length; i++) {
      const lead = bytes[i] as number;
      if (lead < 0x80) continue;
      const trail = bytes[i + 1] ?? 0;
      if (lead < 0x81 || lead > 0xfe || trail < 0x40 || trail === 0x7f || trail > 0xfe) return cp1252;
      if (lead >= 0xa1 && trail >= 0xa1) strong += 1;
      else weak += 1;
      i += 1;
    }
  }
  return strong >= 2 && weak * 4 <= strong ? new TextDecoder("gbk") : cp1252;
}
