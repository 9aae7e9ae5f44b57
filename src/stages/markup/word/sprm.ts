import type { StreamReader } from "./bytes.js";

/** One single property modifier ([MS-DOC] 2.2.5): its code and operand bytes. */
export interface Sprm {
  readonly code: number;
  readonly operand: Uint8Array;
}

/** sprms the table reader acts on ([MS-DOC] 2.6.2, 2.6.4). */
export const SPRM = {
  pFInTable: 0x2416,
  pFTtp: 0x2417,
  pItap: 0x6649,
  pDtap: 0x664a,
  pFInnerTableCell: 0x244b,
  pFInnerTtp: 0x244c,
  pHugePapx: 0x6646,
  tDefTable: 0xd608,
  tInsert: 0x7621,
  tDelete: 0x5622,
  tMerge: 0x5624,
  tSplit: 0x5625,
  tVertMerge: 0xd62b,
} as const;

const SPRM_PCHG_TABS = 0xc615;

/**
 * The sprms of a grpprl, in order. Operand sizes follow the sprm's spra field; the variable-size ones carry their
 * size (sprmTDefTable and sprmTDefTable10 in two bytes, sprmPChgTabs in its own way). A sprm cut off by the
 * end of the grpprl ends the list (Word itself ignores a trailing fragment).
 */
export function readSprms(grpprl: Uint8Array): Sprm[] {
  const sprms: Sprm[] = [];
  let at = 0;
  while (at + 2 <= grpprl.length) {
    const code = (grpprl[at] as number) | ((grpprl[at + 1] as number) << 8);
    at += 2;
    const size = operandSize(code, grpprl, at);
    if (size === null || at + size > grpprl.length) break;
    sprms.push({ code, operand: grpprl.subarray(at, at + size) });
    at += size;
  }
  return sprms;
}

function operandSize(code: number, bytes: Uint8Array, at: number): number | null {
  switch (code >> 13) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
    default: {
      if (at >= bytes.length) return null;
      if (code === SPRM.tDefTable || code === 0xd606) {
        if (at + 2 > bytes.length) return null;
        // cb counts the rest of the operand plus one ([MS-DOC] 2.9.318 TDefTableOperand).
        return 2 + Math.max(0, ((bytes[at] as number) | ((bytes[at + 1] as number) << 8)) - 1);
      }
      const cb = bytes[at] as number;
      if (code === SPRM_PCHG_TABS && cb === 255) {
        // PChgTabsDelClose (cTabs, 4 bytes each) then PChgTabsAdd (cTabs, 3 bytes each).
        const del = bytes[at + 1] ?? 0;
        const add = bytes[at + 2 + del * 4] ?? 0;
        return 1 + 1 + del * 4 + 1 + add * 3;
      }
      return 1 + cb;
    }
  }
}

/** The little-endian signed 32-bit operand of a sprm (sprmPItap). */
export function operandI32(operand: Uint8Array): number {
  if (operand.length < 4) return 0;
  return new DataView(operand.buffer, operand.byteOffset, 4).getInt32(0, true);
}

/**
 * The grpprl a sprmPHugePapx operand points to in the Data stream (a PrcData: a 2-byte size, then the grpprl),
 * or an empty one when the Data stream is missing.
 */
export function hugePapx(data: StreamReader | null, operand: Uint8Array): Uint8Array {
  if (data === null || operand.length < 4) return new Uint8Array(0);
  const at = new DataView(operand.buffer, operand.byteOffset, 4).getUint32(0, true);
  const size = data.u16(at);
  return data.slice(at + 2, size);
}
