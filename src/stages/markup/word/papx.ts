import { InputError } from "../../../errors.js";
import type { StreamReader } from "./bytes.js";
import type { Fib } from "./fib.js";

/** The paragraph properties of the paragraphs whose marks lie in [fcStart, fcEnd) of the WordDocument stream. */
export interface PapxRun {
  readonly fcStart: number;
  readonly fcEnd: number;
  /** The run's sprms (PapxInFkp's grpprl, after its istd); empty when the FKP gives it none. */
  readonly grpprl: Uint8Array;
}

/** FKP pages a PlcBtePapx may name: a document of 100,000 pages of text has far fewer. */
const MAX_FKPS = 200_000;
const FKP_SIZE = 512;

/**
 * Every paragraph-property run of the document, sorted by FC: the PlcBtePapx in the table stream names the
 * 512-byte PapxFkp pages in the WordDocument stream ([MS-DOC] 2.9.175), each holding up to crun runs.
 */
export function readPapxRuns(word: StreamReader, table: StreamReader, fib: Fib): PapxRun[] {
  const { fc, lcb } = fib.plcfBtePapx;
  if (lcb === 0) return [];
  const count = (lcb - 4) / 8;
  if (!Number.isInteger(count) || count < 1 || count > MAX_FKPS) {
    throw new InputError("corrupt", `The Word file's paragraph table (PlcBtePapx) has ${lcb} bytes`);
  }
  const runs: PapxRun[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < count; i++) {
    const pn = table.u32(fc + (count + 1) * 4 + i * 4) & 0x3fffff;
    // A page named twice is read once (a hostile table could name one page a million times).
    if (seen.has(pn)) continue;
    seen.add(pn);
    const page = pn * FKP_SIZE;
    const crun = word.u8(page + FKP_SIZE - 1);
    for (let r = 0; r < crun; r++) {
      const fcStart = word.u32(page + r * 4);
      const fcEnd = word.u32(page + (r + 1) * 4);
      const bOffset = word.u8(page + (crun + 1) * 4 + r * 13) * 2;
      runs.push({ fcStart, fcEnd, grpprl: bOffset === 0 ? new Uint8Array(0) : papxGrpprl(word, page, bOffset) });
    }
  }
  return runs.sort((a, b) => a.fcStart - b.fcStart);
}

/** PapxInFkp ([MS-DOC] 2.9.178): cb, then GrpPrlAndIstd of 2·cb − 1 bytes (or, when cb is 0, of 2·cb′ bytes). */
function papxGrpprl(word: StreamReader, page: number, bOffset: number): Uint8Array {
  const at = page + bOffset;
  const cb = word.u8(at);
  const start = cb === 0 ? at + 2 : at + 1;
  const size = cb === 0 ? word.u8(at + 1) * 2 : cb * 2 - 1;
  const available = Math.max(0, Math.min(size, page + FKP_SIZE - start));
  // GrpPrlAndIstd: a 2-byte istd, then the grpprl.
  return available <= 2 ? new Uint8Array(0) : word.slice(start + 2, available - 2);
}

/** The run holding a paragraph mark at `fc`, or null (binary search over runs sorted by fcStart). */
export function findPapx(runs: readonly PapxRun[], fc: number): PapxRun | null {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const run = runs[mid] as PapxRun;
    if (fc < run.fcStart) hi = mid - 1;
    else if (fc >= run.fcEnd) lo = mid + 1;
    else return run;
  }
  return null;
}
