// How a sample prints its numbers: zero styles (0, blank, —, /, -, 无), full-width digits, thousands separators.
// A zero printed as anything but a literal 0 is a blank cell (SPEC §3.4): value 0, blank: true.
import { ALL_PATHS, get, makeRng, type Values } from "./samples-model.js";

export interface PrintSpec {
  seed: number;
  /** Zero styles drawn per cell, e.g. ["0"] (always 0), [""] (always blank), ["0", "—", "/"]. */
  zeros: readonly string[];
  /** Which cells print full-width digits (１２３). */
  fullwidth?: (path: string) => boolean;
  /** Thousands separator for values ≥ 1000 ("," → 1,234; " " → 3 119). */
  thousands?: (path: string) => string;
  /** Exact printed text for single cells (must still parse to the cell's value). */
  cells?: Record<string, string>;
}

const FULLWIDTH_OFFSET = 0xff10 - 0x30;

function toFullwidth(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + FULLWIDTH_OFFSET)).replace(".", "．");
}

function group(n: number, sep: string): string {
  const [int = "", frac] = String(n).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/** True when printed text stands for a zero without being a literal zero. */
export function isBlankText(text: string): boolean {
  return !/^[0０]+([.．][0０]+)?$/.test(text.trim());
}

/** Printed text of every template cell, keyed by path. */
export function printValues(values: Values, spec: PrintSpec): Record<string, string> {
  const rng = makeRng(spec.seed);
  const out: Record<string, string> = {};
  for (const path of ALL_PATHS) {
    const v = get(values, path);
    let text: string;
    if (v === 0) {
      text = spec.zeros[Math.floor(rng() * spec.zeros.length)] ?? "0";
    } else {
      text = group(v, spec.thousands?.(path) ?? "");
    }
    if (spec.fullwidth?.(path)) text = toFullwidth(text);
    out[path] = spec.cells?.[path] ?? text;
  }
  return out;
}

/** Paths printed as a blank-style zero, sorted. */
export function blankPaths(values: Values, printed: Record<string, string>): string[] {
  return ALL_PATHS.filter((p) => get(values, p) === 0 && isBlankText(printed[p] ?? "")).sort();
}
