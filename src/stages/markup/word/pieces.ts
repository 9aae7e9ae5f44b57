import { InputError } from "../../../errors.js";
import type { StreamReader } from "./bytes.js";
import type { Fib } from "./fib.js";

/** A run of the main document's text as the piece table ([MS-DOC] 2.9.177 Pcd) places it in the WordDocument stream. */
export interface Piece {
  /** Character positions [cpStart, cpEnd) of the document this piece holds. */
  readonly cpStart: number;
  readonly cpEnd: number;
  /** Byte offset in the WordDocument stream of the piece's first character. */
  readonly fc: number;
  /** One byte per character (8-bit, "compressed") instead of UTF-16LE. */
  readonly compressed: boolean;
  /** The sprms the piece's Prm adds (a Prm1's grpprl from the Clx, or a Prm0's single sprm), or null. */
  readonly grpprl: Uint8Array | null;
}

/** Pieces a Clx may hold: a real document has a few hundred; a hostile one is refused before it is walked. */
const MAX_PIECES = 1_000_000;

/**
 * The pieces of the main document's text (CPs [0, ccpText)), in CP order, from the Clx in the table stream
 * (Prc entries first, then the Pcdt's PlcPcd). A Prm1 names a Prc's grpprl; a Prm0 holds one sprm by index
 * (fast saves), of which the two that shape tables are applied.
 */
export function readPieces(table: StreamReader, fib: Fib): Piece[] {
  if (fib.clx.lcb === 0) throw new InputError("corrupt", "The Word file has no piece table (Clx)");
  const end = fib.clx.fc + fib.clx.lcb;
  const prcs: Uint8Array[] = [];
  let at = fib.clx.fc;
  while (at < end && table.u8(at) === 0x01) {
    const size = table.i16(at + 1);
    if (size < 0) throw new InputError("corrupt", "The Word file's piece table holds a Prc of negative size");
    prcs.push(table.slice(at + 3, size));
    at += 3 + size;
  }
  if (at >= end || table.u8(at) !== 0x02) throw new InputError("corrupt", "The Word file's piece table has no Pcdt");
  const lcb = table.u32(at + 1);
  const plc = at + 5;
  const count = (lcb - 4) / 12;
  if (!Number.isInteger(count) || count < 1 || count > MAX_PIECES || plc + lcb > table.length) {
    throw new InputError("corrupt", `The Word file's piece table has a PlcPcd of ${lcb} bytes`);
  }
  // [MS-DOC] 2.8.35: the PlcPcd's character positions increase; a table whose positions go back is damaged
  // (its pieces would overlap, or be dropped one by one as empty, leaving a document of no text).
  for (let i = 0; i < count; i++) {
    if (table.u32(plc + (i + 1) * 4) < table.u32(plc + i * 4)) {
      throw new InputError(
        "corrupt",
        `The Word file's piece table is damaged: its character positions go back at piece ${i + 1}`,
      );
    }
  }
  const pieces: Piece[] = [];
  for (let i = 0; i < count; i++) {
    const cpStart = table.u32(plc + i * 4);
    const cpEnd = Math.min(table.u32(plc + (i + 1) * 4), fib.ccpText);
    const pcd = plc + (count + 1) * 4 + i * 8;
    const fcCompressed = table.u32(pcd + 2);
    const prm = table.u16(pcd + 6);
    const compressed = (fcCompressed & 0x40000000) !== 0;
    const fc = compressed ? (fcCompressed & 0x3fffffff) / 2 : fcCompressed & 0x3fffffff;
    const grpprl = (prm & 1) === 1 ? (prcs[prm >> 1] ?? null) : prm0Grpprl(prm);
    if (cpStart >= cpEnd) continue;
    pieces.push({ cpStart, cpEnd, fc, compressed, grpprl });
  }
  return pieces.sort((a, b) => a.cpStart - b.cpStart);
}

/**
 * Prm0 ([MS-DOC] 2.9.215): isprm (bits 1–7) names a sprm from a fixed table, val (bits 8–15) is its one-byte
 * operand. Of that table only sprmPFInTable (isprm 0x18) and sprmPFTtp (0x19) bear on the text and tables read
 * here; the rest format characters and paragraphs.
 */
function prm0Grpprl(prm: number): Uint8Array | null {
  const sprm = PRM0_SPRMS.get((prm >> 1) & 0x7f);
  if (sprm === undefined) return null;
  return Uint8Array.of(sprm & 0xff, sprm >> 8, (prm >> 8) & 0xff);
}

const PRM0_SPRMS = new Map([
  [0x18, 0x2416],
  [0x19, 0x2417],
]);
