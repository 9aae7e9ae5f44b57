import type { RuleSegment } from "../../model/page-content.js";

/**
 * Joins collinear rules (same `at` within `tolerance`) that overlap or touch into single rules. Word and
 * LibreOffice draw a table border as one short stroke per cell edge.
 */
export function mergeSegments(segments: readonly RuleSegment[], tolerance: number): RuleSegment[] {
  const sorted = [...segments].sort((a, b) => a.at - b.at || a.from - b.from);
  const lines: RuleSegment[][] = [];
  for (const segment of sorted) {
    const line = lines.at(-1);
    const first = line?.[0];
    if (line && first && Math.abs(segment.at - first.at) <= tolerance) line.push(segment);
    else lines.push([segment]);
  }
  const merged: RuleSegment[] = [];
  for (const line of lines) {
    const at = line.reduce((sum, s) => sum + s.at, 0) / line.length;
    const byStart = [...line].sort((a, b) => a.from - b.from);
    let current: { from: number; to: number } | null = null;
    for (const s of byStart) {
      if (current && s.from <= current.to + tolerance) current.to = Math.max(current.to, s.to);
      else {
        if (current) merged.push({ orientation: line[0]?.orientation ?? "h", at, ...current });
        current = { from: s.from, to: s.to };
      }
    }
    if (current) merged.push({ orientation: line[0]?.orientation ?? "h", at, ...current });
  }
  return merged;
}
