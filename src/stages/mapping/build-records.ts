import { type Box, overlap, unionBox, unionBoxes } from "../../model/geometry.js";
import { estimateGlyphBoxes } from "../../model/glyph-boxes.js";
import type { Grid, GridCell, LayoutBlock, TextLine } from "../../model/layout.js";
import type { TextItem } from "../../model/page-content.js";
import { isValueToken } from "./normalize.js";
import { INTRUDED_ROW, OCR_EMPTY_PLACE, ocrConfidence, type RowRecord, type ValueSlot } from "./row-record.js";

/** All blocks of the document as row records, in reading order. */
export function buildRecords(pages: readonly (readonly LayoutBlock[])[]): RowRecord[] {
  const records: RowRecord[] = [];
  let gridId = 0;
  for (const blocks of pages) {
    for (const block of blocks) {
      if (block.kind === "grid") for (const record of gridRecords(block.grid, gridId++)) records.push(record);
      else records.push(lineRecord(block.line));
    }
  }
  return records;
}

function cellText(cell: GridCell): string {
  const lines = readingOrder(cell.items);
  let text = "";
  lines.forEach((item, i) => {
    const previous = lines[i - 1];
    // OCR words side by side with more than a (full-width) character of paper between them stay apart: a cell
    // holding "0   26" is two values whose rule was not found, never the number 026.
    const apart =
      previous !== undefined &&
      item.source === "ocr" &&
      overlap(previous.box[1], previous.box[3], item.box[1], item.box[3]) > 0 &&
      item.box[0] - previous.box[2] > OCR_WORD_GAP * item.fontSize;
    text += (apart ? " " : "") + item.text;
  });
  return text.trim();
}

/**
 * Items in reading order: lines top to bottom (an item joins the line whose vertical span it overlaps by half its
 * height), left to right within a line. OCR boxes are cut to each word's own ink, so two words of one line start
 * a pixel apart in y: sorting by y alone would read "12" as "21".
 */
function readingOrder(items: readonly TextItem[]): TextItem[] {
  const lines: { y0: number; y1: number; items: TextItem[] }[] = [];
  for (const item of [...items].sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0])) {
    const h = item.box[3] - item.box[1];
    const line = lines.find((l) => overlap(l.y0, l.y1, item.box[1], item.box[3]) > 0.5 * Math.min(h, l.y1 - l.y0));
    if (line) {
      line.items.push(item);
      line.y0 = Math.min(line.y0, item.box[1]);
      line.y1 = Math.max(line.y1, item.box[3]);
    } else lines.push({ y0: item.box[1], y1: item.box[3], items: [item] });
  }
  return lines.flatMap((l) => l.items.sort((a, b) => a.box[0] - b.box[0]));
}

/** The most a place of an OCR grid row can be trusted when its label cell holds numbers. */
const MISPLACED_OCR_ROW = 0.5;

/**
 * The OCR numbers in a row's label cells right of all their text: values whose column rule was not found. (A
 * number left of the label text, in a group cell, is no value of this row.)
 */
function strayValues(labelCells: readonly GridCell[]): TextItem[] {
  const words = labelCells.flatMap((cell) => cell.items.filter((i) => i.source === "ocr"));
  const textEnd = Math.max(-Infinity, ...words.filter((i) => !isValueToken(i.text)).map((i) => i.box[2]));
  return words.filter((i) => isValueToken(i.text) && /\d/.test(i.text) && i.box[0] > textEnd);
}

/**
 * An OCR grid row whose cells do not hold one value each — numbers in a label cell, or two numbers apart in
 * one value cell ("1 0 26") — lost column rules (a page photographed at an angle, faint rules): its values
 * are the printed numbers themselves, one slot each, placed by the header like an unruled row's, and never
 * trusted above `MISPLACED_OCR_ROW`. Null when every cell holds at most one value.
 */
function misfitSlots(labelCells: readonly GridCell[], valueCells: readonly GridCell[], page: number) {
  const stray = strayValues(labelCells);
  const crowded = valueCells.some((cell) => cellText(cell).split(" ").filter(isValueToken).length > 1);
  if (stray.length === 0 && !crowded) return null;
  const items = [...stray, ...valueCells.flatMap((cell) => cell.items)];
  return splitTokens(items)
    .filter((t) => isValueToken(t.text))
    .map((t): ValueSlot => ({ raw: t.text, box: t.box, page, ocr: Math.min(t.ocr ?? 1, MISPLACED_OCR_ROW) }));
}

/**
 * A grid's rows as records. Linear in the grid's cells: each cell is bucketed under its first row once (a
 * filter of every cell per row made a 20,000-row web table cost 73 s).
 */
function gridRecords(grid: Grid, gridId: number): RowRecord[] {
  const rows = grid.ys.length - 1;
  const out: RowRecord[] = [];
  const byRow = new Map<number, GridCell[]>();
  for (const cell of grid.cells) {
    const row = byRow.get(cell.row);
    if (row) row.push(cell);
    else byRow.set(cell.row, [cell]);
  }
  const ocrGrid = grid.cells.some((cell) => cell.items.some((item) => item.source === "ocr"));
  for (let r = 0; r < rows; r++) {
    const cells = byRow.get(r);
    if (cells === undefined) continue;
    const texts = cells.map(cellText);
    // Label cells: from the left, up to the last cell with non-value text. Group cells spanning several
    // rows (三、本年度办理结果, （三）不予公开 …) label their first row only and are kept for fingerprints.
    let lastLabel = -1;
    texts.forEach((text, i) => {
      if (text !== "" && !isValueToken(text)) lastLabel = i;
    });
    if (lastLabel === -1 && cells[0] && cells[0].col === 0 && texts[0] === "") lastLabel = 0;
    const labelCells = cells.slice(0, lastLabel + 1);
    // Column rules missed on an OCR page (a text layer's grid is drawn, not found): the row's values are not
    // where its cells say, so they are taken one per printed number.
    const misfit = ocrGrid ? misfitSlots(labelCells, cells.slice(lastLabel + 1), grid.page) : null;
    const stray = new Set(misfit ? strayValues(labelCells) : []);
    const slots: ValueSlot[] =
      misfit ??
      cells.slice(lastLabel + 1).map((cell, i) => {
        const slot: ValueSlot = { raw: texts[lastLabel + 1 + i] ?? "", box: cell.box, page: grid.page };
        if (!ocrGrid) return slot;
        const read = cell.items.length > 0 ? (ocrConfidence(cell.items) ?? 1) : OCR_EMPTY_PLACE;
        return { ...slot, ocr: read };
      });
    const labelText = (cell: GridCell, i: number) =>
      stray.size === 0 ? texts[i] : cellText({ ...cell, items: cell.items.filter((item) => !stray.has(item)) });
    const rowBox: Box = [grid.box[0], grid.ys[r] as number, grid.box[2], grid.ys[r + 1] as number];
    out.push({
      page: grid.page,
      box: rowBox,
      label: labelCells
        .map((cell, i) => (cell.rowSpan > 1 && labelCells.length > 1 ? "" : labelText(cell, i)))
        .join(""),
      labelBox: labelCells.length > 0 ? unionBoxes(labelCells.map((c) => c.box)) : null,
      slots,
      ruled: true,
      gridId,
      firstOfGrid: r === 0,
      lastOfGrid: r === rows - 1,
      text: texts.join(" "),
      items: cells.flatMap((cell) => cell.items),
    });
  }
  return out;
}

/** A unit printed apart from its number ("8228100 元", "3 件"): part of the value before it. */
const UNIT_TOKEN = /^(?:元|万元|件|个|项|次)$/;

/** Tokens with a unit token joined to the number before it. */
function joinUnits(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (const token of tokens) {
    const previous = out.at(-1);
    if (previous && UNIT_TOKEN.test(token.text) && /\d$/.test(previous.text) && isValueToken(previous.text))
      out[out.length - 1] = { ...previous, text: previous.text + token.text, box: unionBox(previous.box, token.box) };
    else out.push(token);
  }
  return out;
}

const DASHES = /^[-—–－_]+$/;
/** The OCR confidence of dashes from separate marks run together (below the flagging threshold)… */
const SCATTERED_DASHES = 0.6;
/** …over more than this width (points): a printed "——" at 11 pt is 22 pt wide. */
const SCATTERED_WIDTH = 24;

function lineRecord(line: TextLine): RowRecord {
  const tokens = joinUnits(splitTokens(line.items));
  let firstValue = tokens.length;
  while (firstValue > 0 && isValueToken(tokens[firstValue - 1]?.text ?? "")) firstValue--;
  // Words read among an OCR row's numbers (a seal's ring, a pen's circle), or numbers misread with a mark ("1-4",
  // "1�"), would end its label after them and take the numbers before them for label text: the values start where
  // they start, the rest is left out (as slots, misread marks moved the columns the page's other rows are placed
  // by), and every place of the row is in doubt — which column each number stands in, and what the marks hide.
  const start = intrusionStart(tokens, line.items);
  const label = tokens.slice(0, start ?? firstValue);
  const values = start === null ? tokens.slice(firstValue) : tokens.slice(start).filter((t) => isValueToken(t.text));
  return {
    page: line.page,
    box: line.box,
    label: label.map((t) => t.text).join(""),
    labelBox: label.length > 0 ? unionBoxes(label.map((t) => t.box)) : null,
    slots: values.map((t) =>
      t.ocr === undefined
        ? { raw: t.text, box: t.box, page: line.page }
        : {
            raw: t.text,
            box: t.box,
            page: line.page,
            ocr: start === null ? t.ocr : Math.min(t.ocr, INTRUDED_ROW),
          },
    ),
    ruled: false,
    gridId: -1,
    firstOfGrid: false,
    lastOfGrid: false,
    text: line.text,
    items: line.items,
    ...(start === null ? {} : { emptyTrust: INTRUDED_ROW }),
  };
}

/** A table's values stand apart from their label by this many glyph heights at least. */
const VALUE_GAP = 2;

/**
 * Where an OCR line's values begin when tokens that are no values follow them (which would end its label after
 * them): the first value token standing `VALUE_GAP` glyph heights or more right of label text, with a token that is
 * no value right of it. Null for a line whose words all come first
 * (a numbered label — "1 属于国家秘密" — starts with a value and is not intruded), and for text-layer lines.
 */
function intrusionStart(tokens: readonly Token[], items: readonly TextItem[]): number | null {
  const heights = items.filter((i) => i.source === "ocr").map((i) => i.box[3] - i.box[1]);
  if (heights.length === 0) return null;
  const glyph = heights.sort((a, b) => a - b)[Math.floor(heights.length / 2)] as number;
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const before = tokens[i - 1] as Token;
    if (!isValueToken(token.text) || isValueToken(before.text)) continue;
    if (token.box[0] - before.box[2] < VALUE_GAP * glyph) continue;
    return tokens.slice(i + 1).some((t) => !isValueToken(t.text)) ? i : null;
  }
  return null;
}

/** A value token that holds a digit (not a blank mark such as 无, which also starts words: 无法提供). */
function isNumberToken(text: string): boolean {
  return /\d/.test(text) && isValueToken(text);
}

/** Items split at runs of spaces into tokens, each with its share of the item's box. */
function splitTokens(items: readonly TextItem[]): Token[] {
  const tokens: Token[] = [];
  let current: Token | null = null;
  for (const item of [...items].sort((a, b) => a.box[0] - b.box[0])) {
    // Runs that touch continue the same token: some writers print "59" as "5" and "9".
    // OCR cuts a word at each gap in its ink, so full-width digits ("１２") come as one item per digit.
    const touch = item.source === "ocr" ? OCR_WORD_GAP : TOUCH;
    // OCR words that touch stay apart where a number meets a word (a seal's ring read "时力" right after a 4): the
    // number stays a value. A unit after its number is joined later (`joinUnits`); a mark read inside a word's box
    // (a speck in a label read "1") stays part of the word.
    const unlike =
      item.source === "ocr" &&
      current !== null &&
      item.box[0] >= current.box[2] &&
      !UNIT_TOKEN.test(item.text) &&
      ((isNumberToken(item.text) && !isValueToken(current.text)) ||
        (isNumberToken(current.text) && !isValueToken(item.text)));
    if (current && (unlike || item.box[0] - current.box[2] > item.fontSize * touch)) {
      tokens.push(current);
      current = null;
    }
    const read = ocrConfidence([item]);
    // Separate marks each read as a dash, run together wider than a printed "——": a printed blank is one mark
    // (or two), while the pieces of a rule broken by low toner are several across the cell — 148 came back as
    // "----" from its cell's borders.
    const scattered: boolean =
      read !== undefined &&
      current !== null &&
      DASHES.test(current.text) &&
      DASHES.test(item.text) &&
      item.box[2] - current.box[0] > SCATTERED_WIDTH;
    const ocr: number | undefined = scattered && read !== undefined ? Math.min(read, SCATTERED_DASHES) : read;
    for (const glyph of estimateGlyphBoxes(item.text, item.box)) {
      if (/\s/.test(glyph.char)) {
        if (current) tokens.push(current);
        current = null;
      } else if (current)
        current = {
          text: current.text + glyph.char,
          box: unionBox(current.box, glyph.box),
          ...(ocr === undefined && current.ocr === undefined ? {} : { ocr: Math.min(current.ocr ?? 1, ocr ?? 1) }),
        };
      else current = { text: glyph.char, box: glyph.box, ...(ocr === undefined ? {} : { ocr }) };
    }
  }
  if (current) tokens.push(current);
  return tokens;
}

interface Token {
  text: string;
  box: Box;
  /** The OCR confidence of its least sure item (absent for text-layer runs). */
  ocr?: number;
}

/** Gap (in em) under which two runs are one token. */
const TOUCH = 0.15;
/** Gap (in glyph heights) under which two OCR words are one token: a full-width character's paper is less. */
const OCR_WORD_GAP = 1.2;
