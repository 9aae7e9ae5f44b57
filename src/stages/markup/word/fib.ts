import { InputError } from "../../../errors.js";
import type { StreamReader } from "./bytes.js";

/** The parts of a Word 97–2003 File Information Block ([MS-DOC] 2.5.1) the text and table reader needs. */
export interface Fib {
  readonly nFib: number;
  /** FibBase.fEncrypted: the document streams are encrypted (RC4 or XOR obfuscation). */
  readonly encrypted: boolean;
  /** FibBase.fObfuscated: XOR obfuscation (Word 95's protection), given with `encrypted`. */
  readonly obfuscated: boolean;
  /** The table stream: `1Table` when FibBase.fWhichTblStm is set, else `0Table`. */
  readonly tableStream: "0Table" | "1Table";
  /** Language ids of the document (FibBase.lid) and of its East Asian text (FibRgW97.lidFE). */
  readonly lid: number;
  readonly lidFE: number;
  /** Characters of the main document (FibRgLw97.ccpText): CPs [0, ccpText) are the body. */
  readonly ccpText: number;
  /** Offset and size in the table stream of the piece table (Clx) and of the paragraph properties (PlcBtePapx). */
  readonly clx: FcLcb;
  readonly plcfBtePapx: FcLcb;
  /** Character properties (PlcBteChpx) and the font table (SttbfFfn), for symbol characters. */
  readonly plcfBteChpx: FcLcb;
  readonly sttbfFfn: FcLcb;
}

export interface FcLcb {
  readonly fc: number;
  readonly lcb: number;
}

/** FibBase.wIdent of a Word 97–2003 document, and of a Word 6.0/95 one (whose FIB is laid out otherwise). */
const WORD_IDENT = 0xa5ec;
const WORD6_IDENT = 0xa5dc;
/** nFib of Word 6.0 (101) to Word 95 (104, 105); some Word 95 writers put another wIdent (0xA699) before it. */
const NFIB_WORD6 = [101, 105] as const;
/** nFib of Word 97 (later versions keep it in FibBase and put theirs in FibRgCswNew). */
const NFIB_WORD97 = 0xc1;
/** FibRgFcLcb97 pair indices ([MS-DOC] 2.5.6). */
const PLCF_BTE_CHPX = 12;
const PLCF_BTE_PAPX = 13;
const STTBF_FFN = 15;
const CLX = 33;

/**
 * Reads the FIB at the start of the WordDocument stream. Throws `unsupported` for Word 6.0/95 files (another FIB
 * layout, 8-bit text only) and `corrupt` for a stream that is no Word document.
 */
export function readFib(word: StreamReader): Fib {
  const ident = word.length >= 4 ? word.u16(0) : 0;
  const nFib6 = word.length >= 4 ? word.u16(2) : 0;
  if (ident === WORD6_IDENT || (ident !== WORD_IDENT && nFib6 >= NFIB_WORD6[0] && nFib6 <= NFIB_WORD6[1])) {
    // Word 6.0 (nFib 101) and Word 95 (nFib 104) write wIdent 0xA5DC; Word 97 and later 0xA5EC.
    throw new InputError(
      "unsupported",
      `The Word file is in the Word 6.0/95 format (nFib ${nFib6}); gongkai reads Word 97–2003 .doc files — save it again as a Word 97–2003 or .docx document`,
    );
  }
  if (word.length < 154 || ident !== WORD_IDENT) {
    throw new InputError("corrupt", "The WordDocument stream does not start with a Word file information block");
  }
  const nFib = word.u16(2);
  const flags = word.u16(0x0a);
  const csw = word.u16(32);
  if (nFib < NFIB_WORD97 - 1 && csw !== 14) {
    throw new InputError(
      "unsupported",
      `The Word file is in the Word 6.0/95 format (nFib ${nFib}); gongkai reads Word 97–2003 .doc files`,
    );
  }
  const rgLw = 34 + csw * 2;
  const cslw = word.u16(rgLw);
  const lw = (index: number) => word.u32(rgLw + 2 + index * 4);
  const rgFcLcb = rgLw + 2 + cslw * 4;
  const cbRgFcLcb = word.u16(rgFcLcb);
  const pair = (index: number): FcLcb => {
    if (index >= cbRgFcLcb) return { fc: 0, lcb: 0 };
    const at = rgFcLcb + 2 + index * 8;
    return { fc: word.u32(at), lcb: word.u32(at + 4) };
  };
  return {
    nFib,
    encrypted: (flags & 0x0100) !== 0,
    obfuscated: (flags & 0x8000) !== 0,
    tableStream: (flags & 0x0200) !== 0 ? "1Table" : "0Table",
    lid: word.u16(6),
    lidFE: csw >= 14 ? word.u16(34 + 13 * 2) : 0,
    ccpText: lw(3),
    clx: pair(CLX),
    plcfBtePapx: pair(PLCF_BTE_PAPX),
    plcfBteChpx: pair(PLCF_BTE_CHPX),
    sttbfFfn: pair(STTBF_FFN),
  };
}
