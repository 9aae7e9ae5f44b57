import type { Fingerprint } from "../../templates/index.js";
import { normalizeLabel } from "./normalize.js";

/** A fingerprint with its words normalised and its patterns compiled (once per fingerprint: see `compile`). */
interface CompiledFingerprint {
  readonly not: readonly string[];
  readonly any: readonly (readonly string[])[];
  readonly patterns: readonly RegExp[];
}

/**
 * Fingerprints are template data, matched against every label of every document: their words are normalised
 * and their patterns compiled the first time, not on every match (this was the mapping stage's hottest loop).
 */
const compiled = new WeakMap<Fingerprint, CompiledFingerprint>();

function compile(fingerprint: Fingerprint): CompiledFingerprint {
  let done = compiled.get(fingerprint);
  if (done === undefined) {
    done = {
      not: (fingerprint.not ?? []).map(normalizeLabel),
      any: fingerprint.any.map((words) => words.map(normalizeLabel)),
      // Stateless (no `g` flag): `test` keeps no lastIndex between labels.
      patterns: (fingerprint.patterns ?? []).map((source) => new RegExp(source)),
    };
    compiled.set(fingerprint, done);
  }
  return done;
}

/** Whether a normalised label (`normalizeLabel`) matches a compiled fingerprint. */
function matchesNormalized(text: string, fingerprint: CompiledFingerprint): boolean {
  if (text === "") return false;
  if (fingerprint.not.some((word) => text.includes(word))) return false;
  if (fingerprint.any.some((words) => words.every((word) => text.includes(word)))) return true;
  return fingerprint.patterns.some((pattern) => pattern.test(text));
}

/** Whether a label matches a template fingerprint (SPEC §3.3: keywords, not exact text). */
export function matchesFingerprint(label: string, fingerprint: Fingerprint): boolean {
  return matchesNormalized(normalizeLabel(label), compile(fingerprint));
}

/** Keys of the definitions whose fingerprint the label matches, in definition order. */
export function matchKeys(label: string, defs: readonly { key: string; fingerprint: Fingerprint }[]): string[] {
  const text = normalizeLabel(label);
  return defs.filter((def) => matchesNormalized(text, compile(def.fingerprint))).map((def) => def.key);
}
