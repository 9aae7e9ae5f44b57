import { type Clause, listClauses, type NarrativeText } from "./narrative-text.js";
import { CHINESE_NUMERAL_CHARS, parseCount } from "./parse-count.js";

/** A number the narrative states, bound to the clause it was read from. */
export interface StatedNumber {
  readonly value: number;
  /** Unit read with `{amount}` ("元", "万元"); "" for counts. */
  readonly unit: string;
  /** Offset in the narrative text of the match. */
  readonly offset: number;
  readonly clause: string;
}

export interface StatementPatterns {
  /** Regex sources; `{n}` is a count, `{amount}` a decimal followed by 元 or 万元. */
  readonly patterns: readonly string[];
  readonly zeroPatterns?: readonly string[];
  readonly clauseExclude?: readonly string[];
  /** When set, only sentences containing one of these words are read. */
  readonly sentenceContext?: readonly string[];
  /** Regex sources: a sentence matching any is about something else (other business, another scope). */
  readonly sentenceExclude?: readonly string[];
  /**
   * When set, a number counts only if, earlier in its sentence, the last of `own` or `rivals` to occur is one of
   * `own` ("行政复议2件，维持1件；行政诉讼1件，判决维持1件": the second 维持 belongs to 诉讼).
   */
  readonly nearestContext?: { readonly own: readonly string[]; readonly rivals: readonly string[] };
}

// A number is never the tail of a longer one: "2023年" must not yield "023", "统一" must not yield "一".
const NUMBER_START = `(?<![0-9.${CHINESE_NUMERAL_CHARS}])`;
const COUNT = `${NUMBER_START}(?<n>[0-9]+|[${CHINESE_NUMERAL_CHARS}]+)`;
const AMOUNT = `${NUMBER_START}(?<n>[0-9]+(?:\\.[0-9]+)?)(?<unit>万元|元)`;

const compiled = new Map<string, RegExp>();

/** The pattern source with its placeholders expanded, compiled once. */
function compilePattern(source: string): RegExp {
  let regex = compiled.get(source);
  if (regex === undefined) {
    regex = new RegExp(source.replaceAll("{n}", COUNT).replaceAll("{amount}", AMOUNT), "gu");
    compiled.set(source, regex);
  }
  return regex;
}

const tests = new Map<string, RegExp>();

/** A plain (non-global, so stateless) regex for yes/no tests. */
function compileTest(source: string): RegExp {
  let regex = tests.get(source);
  if (regex === undefined) {
    regex = new RegExp(source, "u");
    tests.set(source, regex);
  }
  return regex;
}

/** A digit or a Chinese numeral: a clause without one holds no `{n}` or `{amount}`. */
const NUMERAL = new RegExp(`[0-9${CHINESE_NUMERAL_CHARS}]`, "u");
const PLACEHOLDER = /\{n\}|\{amount\}/;

/** Every number the patterns bind in the narrative, clause by clause, in text order. */
export function findStatedNumbers(narrative: NarrativeText, spec: StatementPatterns): StatedNumber[] {
  const found: StatedNumber[] = [];
  for (const clause of listClauses(narrative)) {
    if (!isReadable(clause, spec)) continue;
    const numeral = NUMERAL.test(clause.text);
    for (const source of spec.patterns) {
      if (!numeral && PLACEHOLDER.test(source)) continue;
      for (const match of execAll(compilePattern(source), clause.text)) {
        const value = parseCount(match.groups?.n ?? "");
        if (value === null) continue;
        if (
          spec.nearestContext &&
          !inNearestContext(narrative, clause, clause.start + match.index, spec.nearestContext)
        )
          continue;
        found.push({ value, unit: match.groups?.unit ?? "", offset: clause.start + match.index, clause: clause.text });
      }
    }
    // A stated zero may cover a whole 、-list: "未发生…行政复议、行政诉讼案件".
    for (const source of spec.zeroPatterns ?? []) {
      if (compileTest(source).test(clause.group))
        found.push({ value: 0, unit: "", offset: clause.start, clause: clause.group });
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/**
 * The matches of a global regex in `text`, as `text.matchAll(regex)` gives them. `matchAll` copies the regex on
 * every call, which cost more than the matching here (thousands of short clauses per report).
 */
function execAll(regex: RegExp, text: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
    matches.push(match);
    // An empty match: step over one character (a whole code point in unicode mode), as matchAll does.
    if (match[0] === "") {
      const codePoint = text.codePointAt(regex.lastIndex) ?? 0;
      regex.lastIndex += regex.unicode && codePoint > 0xffff ? 2 : 1;
    }
  }
  return matches;
}

function inNearestContext(
  narrative: NarrativeText,
  clause: Clause,
  offset: number,
  context: NonNullable<StatementPatterns["nearestContext"]>,
): boolean {
  const before = narrative.text.slice(clause.sentenceStart, offset);
  const last = (words: readonly string[]) => Math.max(-1, ...words.map((w) => before.lastIndexOf(w)));
  const own = last(context.own);
  return own >= 0 && own > last(context.rivals);
}

function isReadable(clause: Clause, spec: StatementPatterns): boolean {
  if (spec.clauseExclude?.some((word) => clause.text.includes(word))) return false;
  if (spec.sentenceExclude?.some((source) => compileTest(source).test(clause.sentence))) return false;
  if (spec.sentenceContext === undefined) return true;
  return spec.sentenceContext.some((word) => clause.sentence.includes(word));
}
