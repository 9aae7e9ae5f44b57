import type { TextItem } from "../../model/page-content.js";
import { DISPUTED } from "./read-regions.js";

/**
 * The numbers of `items` that `other` (the same page read another way) does not read alike — no number there
 * overlapping it by half, or one with other digits — are capped at `DISPUTED`.
 */
export function crossCheck(items: readonly TextItem[], other: readonly TextItem[]): TextItem[] {
  const numbers = other.filter((i) => /\d/.test(i.text));
  return items.map((item) => {
    if (!/\d/.test(item.text)) return item;
    const twin = numbers.find((o) => overlap(o.box, item.box) >= 0.5);
    return twin?.text === item.text ? item : { ...item, confidence: Math.min(item.confidence ?? 0, DISPUTED) };
  });
}

/** The share of the smaller box that the two boxes have in common. */
function overlap(a: readonly number[], b: readonly number[]): number {
  const w = Math.min(a[2] as number, b[2] as number) - Math.max(a[0] as number, b[0] as number);
  const h = Math.min(a[3] as number, b[3] as number) - Math.max(a[1] as number, b[1] as number);
  if (w <= 0 || h <= 0) return 0;
  const area = (box: readonly number[]) =>
    ((box[2] as number) - (box[0] as number)) * ((box[3] as number) - (box[1] as number));
  return (w * h) / Math.max(1e-9, Math.min(area(a), area(b)));
}
