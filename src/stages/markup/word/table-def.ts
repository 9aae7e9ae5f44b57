import { SPRM, type Sprm } from "./sprm.js";

/** A table row as its TTP paragraph defines it ([MS-DOC] 2.9.318 TDefTableOperand, then later table sprms). */
export interface RowDef {
  /** Cell boundaries in twips, left to right: cell i spans [centers[i], centers[i + 1]). */
  readonly centers: number[];
  readonly cells: CellDef[];
}

export interface CellDef {
  /** TC80.horzMerge: 0 alone, 1 first of a merged set, 2–3 merged into the cell before. */
  horzMerge: number;
  /** TC80.vertMerge: 0 alone, 3 first of a vertical merge, 1–2 merged into the cell above. */
  vertMerge: number;
}

/** Word tables have at most 63 columns ([MS-DOC]: itcMac ≤ 63). */
const MAX_CELLS = 63;
const TC80_SIZE = 20;

/** The row definition the sprms of a TTP paragraph give, applied in order; null when they define none. */
export function readRowDef(sprms: readonly Sprm[]): RowDef | null {
  let row: RowDef | null = null;
  for (const { code, operand } of sprms) {
    if (code === SPRM.tDefTable) row = tableDef(operand);
    else if (row === null) continue;
    else if (code === SPRM.tInsert) insertCells(row, operand);
    else if (code === SPRM.tDelete) deleteCells(row, operand[0] ?? 0, operand[1] ?? 0);
    else if (code === SPRM.tMerge) mergeCells(row, operand[0] ?? 0, operand[1] ?? 0);
    else if (code === SPRM.tSplit) splitCells(row, operand[0] ?? 0, operand[1] ?? 0);
    else if (code === SPRM.tVertMerge) {
      // cb (1), itc (1), vertMergeFlags (1).
      const cell = row.cells[operand[1] ?? -1];
      if (cell) cell.vertMerge = (operand[2] ?? 0) & 3;
    }
  }
  return row;
}

function tableDef(operand: Uint8Array): RowDef {
  const view = new DataView(operand.buffer, operand.byteOffset, operand.byteLength);
  const count = Math.min(operand[2] ?? 0, MAX_CELLS);
  const centers: number[] = [];
  for (let i = 0; i <= count && 3 + i * 2 + 2 <= operand.length; i++) centers.push(view.getInt16(3 + i * 2, true));
  const cellCount = Math.max(0, centers.length - 1);
  const tcs = 3 + (count + 1) * 2;
  const cells: CellDef[] = [];
  for (let i = 0; i < cellCount; i++) {
    const at = tcs + i * TC80_SIZE;
    // rgTc80 may hold fewer TC80s than cells: the rest are default (not merged).
    const tcgrf = at + 2 <= operand.length ? view.getUint16(at, true) : 0;
    cells.push({ horzMerge: tcgrf & 3, vertMerge: (tcgrf >> 5) & 3 });
  }
  return { centers, cells };
}

/** sprmTInsert: itcInsert, ctc, dxaCol — ctc cells of width dxaCol inserted before cell itcInsert. */
function insertCells(row: RowDef, operand: Uint8Array): void {
  const at = Math.min(operand[0] ?? 0, row.cells.length);
  const count = Math.min(operand[1] ?? 0, MAX_CELLS - row.cells.length);
  const width = operand.length >= 4 ? new DataView(operand.buffer, operand.byteOffset).getInt16(2, true) : 0;
  if (count <= 0) return;
  const start = row.centers[at] ?? row.centers.at(-1) ?? 0;
  const added = Array.from({ length: count }, (_, i) => start + (i + 1) * width);
  const shifted = row.centers.slice(at + 1).map((x) => x + count * width);
  row.centers.splice(at + 1, row.centers.length, ...added, ...shifted);
  row.cells.splice(at, 0, ...Array.from({ length: count }, () => ({ horzMerge: 0, vertMerge: 0 })));
}

/** sprmTDelete: cells [itcFirst, itcLim) removed (their width with them). */
function deleteCells(row: RowDef, first: number, lim: number): void {
  const count = Math.min(lim, row.cells.length) - first;
  if (count <= 0) return;
  row.cells.splice(first, count);
  row.centers.splice(first + 1, count);
}

/** sprmTMerge: cells [itcFirst, itcLim) merged into one (the first keeps the text). */
function mergeCells(row: RowDef, first: number, lim: number): void {
  for (let i = first; i < Math.min(lim, row.cells.length); i++) {
    const cell = row.cells[i] as CellDef;
    cell.horzMerge = i === first ? 1 : 2;
  }
}

function splitCells(row: RowDef, first: number, lim: number): void {
  for (let i = first; i < Math.min(lim, row.cells.length); i++) (row.cells[i] as CellDef).horzMerge = 0;
}
