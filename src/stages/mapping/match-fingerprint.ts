import type { Fingerprint } from "../../templates/index.js";
import { normalizeLabel } from "./normalize.js";

/** Whether a label matches a template fingerprint (SPEC §3.3: keywords, not exact text). */
export function matchesFingerprint(label: string, fingerprint: Fingerprint): boolean {
  const text = normalizeLabel(label);
  if (text === "") return false;
  if (fingerprint.not?.some((word) => text.includes(normalizeLabel(word)))) return false;
  if (fingerprint.any.some((words) => words.every((word) => text.includes(normalizeLabel(word))))) return true;
  return (fingerprint.patterns ?? []).some((source) => new RegExp(source).test(text));
}

/** Keys of the definitions whose fingerprint the label matches, in definition order. */
export function matchKeys(label: string, defs: readonly { key: string; fingerprint: Fingerprint }[]): string[] {
  return defs.filter((def) => matchesFingerprint(label, def.fingerprint)).map((def) => def.key);
}
