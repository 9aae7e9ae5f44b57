import type { NarrativeLine } from "../../model/narrative.js";

/**
 * The narrative as one normalised string, each character remembering its source line. Lines are joined without
 * a separator (Chinese text wraps mid-word and mid-number), except that a heading line stands as a sentence of
 * its own; whitespace is dropped, full-width digits and points become ASCII, and thousands commas ("1,362") are
 * removed.
 */
export interface NarrativeText {
  readonly text: string;
  /** Index into the source lines of each character of `text`. */
  readonly lineOf: readonly number[];
  readonly lines: readonly NarrativeLine[];
}

/** A clause: text between ，。；,;（）()、 marks, inside its sentence (text between 。；;！？!?). */
export interface Clause {
  readonly text: string;
  /** The 、-separated list the clause belongs to (the clause itself when it is no list item). */
  readonly group: string;
  /** Offset of the clause's first character in the narrative text. */
  readonly start: number;
  readonly sentence: string;
  /** Offset of the sentence's first character in the narrative text. */
  readonly sentenceStart: number;
}

const FULL_WIDTH_DIGIT = /[０-９]/;
/** Section and sub-section headings: "四、政府信息公开行政复议、行政诉讼情况", "（二）依申请公开". */
const HEADING = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]).{0,40}$/u;

export function buildNarrativeText(lines: readonly NarrativeLine[]): NarrativeText {
  const chars: string[] = [];
  const lineOf: number[] = [];
  lines.forEach((line, index) => {
    // A heading ends the sentence before it and is a sentence of its own: it has no 。 to say so.
    const heading = HEADING.test(line.text.trim());
    if (heading && chars.length > 0 && !SENTENCE_END.test(chars.at(-1) ?? "")) {
      chars.push("。");
      lineOf.push(index);
    }
    for (const char of line.text) {
      if (/\s/.test(char)) continue;
      let out = char;
      if (FULL_WIDTH_DIGIT.test(char)) out = String.fromCharCode(char.charCodeAt(0) - 0xfee0);
      else if (char === "．") out = ".";
      chars.push(out);
      lineOf.push(index);
    }
    if (heading && !SENTENCE_END.test(chars.at(-1) ?? "")) {
      chars.push("。");
      lineOf.push(index);
    }
  });
  // Thousands separators: a comma between a digit and exactly three digits not followed by another digit.
  for (let i = chars.length - 2; i > 0; i--) {
    if (chars[i] !== "," || !isDigit(chars[i - 1])) continue;
    const group = chars.slice(i + 1, i + 5);
    if (group.slice(0, 3).every(isDigit) && !isDigit(group[3])) {
      chars.splice(i, 1);
      lineOf.splice(i, 1);
    }
  }
  return { text: chars.join(""), lineOf, lines };
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= "0" && char <= "9";
}

const SENTENCE_END = /[。；;！？!?]/;
// 、 ends a clause too: "收到申请36件、办结30件、结转下年度8件" lists three counts, each with its own words.
const CLAUSE_END = /[，。；,;！？!?（）()、]/;
/** A 、-list's end: a statement over the list ("未发生…行政复议、行政诉讼案件") reads the whole group. */
const GROUP_END = /[，。；,;！？!?（）()]/;

const clauseLists = new WeakMap<NarrativeText, readonly Clause[]>();

/** The narrative's clauses in text order (computed once per narrative: every narrative rule reads them). */
export function listClauses(narrative: NarrativeText): readonly Clause[] {
  let clauses = clauseLists.get(narrative);
  if (clauses === undefined) {
    clauses = splitClauses(narrative);
    clauseLists.set(narrative, clauses);
  }
  return clauses;
}

function splitClauses(narrative: NarrativeText): Clause[] {
  const clauses: Clause[] = [];
  const { text } = narrative;
  let sentenceStart = 0;
  for (let i = 0; i <= text.length; i++) {
    const char = text[i];
    if (char !== undefined && !SENTENCE_END.test(char)) continue;
    const sentence = text.slice(sentenceStart, i);
    let clauseStart = sentenceStart;
    let groupStart = sentenceStart;
    let pending: { text: string; start: number }[] = [];
    for (let j = sentenceStart; j <= i; j++) {
      const c = text[j];
      if (j < i && c !== undefined && !CLAUSE_END.test(c)) continue;
      if (j > clauseStart) pending.push({ text: text.slice(clauseStart, j), start: clauseStart });
      clauseStart = j + 1;
      if (j === i || c === undefined || GROUP_END.test(c)) {
        const group = text.slice(groupStart, j);
        for (const clause of pending) clauses.push({ ...clause, group, sentence, sentenceStart });
        pending = [];
        groupStart = j + 1;
      }
    }
    sentenceStart = i + 1;
  }
  return clauses;
}

/** Page and box of the source line holding the character at `offset`; null when out of range. */
export function locateOffset(narrative: NarrativeText, offset: number): NarrativeLine | null {
  const index = narrative.lineOf[offset];
  if (index === undefined) return null;
  return narrative.lines[index] ?? null;
}
