import { coversYear, registeredTemplates, type TemplateDef, type TemplateVersion } from "../../templates/index.js";
import { commonSubsequence } from "./normalize.js";
import { ocrConfidence, type RowRecord } from "./row-record.js";

export interface ReportMeta {
  readonly title: string | null;
  readonly agency: string | null;
  readonly year: number | null;
  /**
   * How sure the reading of the agency and the year is (0–1, the scale of cells): 1 from a text layer; from OCR
   * the confidence of the least sure line they were read from. Null where not found.
   */
  readonly confidence: { readonly agency: number | null; readonly year: number | null };
  /** The agency was read by OCR (its confidence may still be 1: the recogniser can be sure and wrong). */
  readonly agencyByOcr?: boolean;
}

const TITLE_END = /政府信息公开(?:工作)?(?:年度)?(?:报告|年报)/;
const YEAR_IN_TITLE = /(?:19|20)\d\d|[〇零二][〇零一二三四五六七八九]{3}年/;

/**
 * The title among the first lines. Preferred: one line that is a whole title with its agency; then lines
 * joined (a title wrapped over two or three lines, the agency on the first); windows must end where the
 * title ends (报告), must not start with a date or a "发布机构：" line, nor run over a page break. Failing all that, the first window
 * that mentions a year and 政府信息公开…报告 at all.
 */
function findTitle(lines: readonly string[], pages: readonly (number | null)[]): string | null {
  const windows: { text: string; start: number; span: number }[] = [];
  for (let span = 1; span <= 3; span++) {
    for (let start = 0; start + span <= lines.length; start++) {
      // A title does not run over a page break: the last line of a cover page is no part of it.
      if (pages[start] !== pages[start + span - 1]) continue;
      const text = lines.slice(start, start + span).join("");
      if (TITLE_END.test(text) && YEAR_IN_TITLE.test(text) && text.length <= 80) windows.push({ text, start, span });
    }
  }
  const clean = windows.filter((w) => TITLE_AT_END.test(w.text) && !NOT_A_TITLE_START.test(lines[w.start] ?? ""));
  // A line that starts with the year names no agency: the line above may be the agency.
  const whole = clean.find(
    (w) => w.span === 1 && !/^(?:(?:19|20)\d\d|[〇零二][〇零一二三四五六七八九]{3})年/.test(w.text),
  );
  const wrapped = [...clean].sort((a, b) => a.start - b.start || a.span - b.span)[0];
  return (whole ?? wrapped ?? windows[0])?.text ?? null;
}

const TITLE_AT_END = /政府信息公开(?:工作)?(?:年度)?(?:报告|年报)[》”"]*$/;
/** Lines that sit above a title without being part of it: dates, "发布机构：…", "索引号：…". */
const NOT_A_TITLE_START = /^(?:(?:19|20)\d\d[年./-]\d{1,2}[月./-]\d{1,2}日?|.{0,12}[:：])/;

/**
 * Title, agency and year from the first lines of the report. Titles put the year after the agency
 * ("海原县工业信息化和商务局2021年政府信息公开工作年度报告") or before it ("2021年XX市人民政府…"), and may wrap.
 */
export function extractMeta(records: readonly RowRecord[]): ReportMeta {
  const head = records
    .filter((r) => !isSpeckLine(r))
    .slice(0, 12)
    .filter((r) => !r.ruled);
  const title = findTitle(
    head.map((r) => r.text.replace(/\s+/g, "")),
    head.map((r) => r.page),
  );
  if (!title)
    return misreadTitle(head) ?? { title: null, agency: null, year: null, confidence: { agency: null, year: null } };
  // "关于印发《XX局2023年…报告》的通知": the report's own title is inside the notice's.
  const core = toArabicYear(
    title
      // "XX办公室关于（印发）XX区2023年…报告(的通知)": the report's own title follows 关于.
      .replace(/^.*?关于(?:印发|公布|发布)?(?=.*(?:19|20)\d\d)/, "")
      .replace(/[《》]/g, "")
      .replace(/的通知$/, "")
      // "…年度报告（2023年度）": the year in brackets after the title.
      .replace(/^(.*?政府信息公开(?:工作)?(?:年度)?(?:报告|年报))[（(]((?:19|20)\d\d)年?度?[)）]$/, "$2年$1"),
  );
  const yearMatch = /((?:19|20)\d\d)\s*年(?:度)?/.exec(core);
  const year = yearMatch ? Number(yearMatch[1]) : null;
  let agency: string | null = null;
  if (yearMatch) {
    // Marks round the name are no part of it (a rule or a speck read as "-", a stray "·").
    const before = core
      .slice(0, yearMatch.index)
      .replace(/^关于/, "")
      .replace(/^[\s\-—–_·.,:：、。，|]+|[\s\-—–_·.,:：、。，|]+$/g, "");
    const after =
      core
        .slice(yearMatch.index + yearMatch[0].length)
        .split(TITLE_END)[0]
        ?.trim() ?? "";
    agency = before !== "" ? before : after !== "" ? after : null;
  }
  const read = titleConfidence(head, title);
  const signed = agency === null ? signatureAgency(records) : null;
  const found = agency ?? signed?.text ?? null;
  const byOcr = agency !== null ? read.ocr : (signed?.ocr ?? false);
  return {
    title,
    agency: found,
    year,
    confidence: {
      agency: found === null ? null : agency !== null ? read.least : (signed?.confidence ?? 1),
      year: year === null ? null : read.least,
    },
    ...(found !== null && byOcr ? { agencyByOcr: true } : {}),
  };
}

/** The words of a title after its year, which a misread title keeps most of, in order. */
const TITLE_WORDS = [..."政府信息公开工作年度报告"];
const MISREAD_TITLE_SHARE = 0.65;
/** How far the agency and year of a title known only by its likeness to one are trusted. */
const MISREAD_TITLE = 0.6;

/**
 * A scan's title too misread to spell 政府信息公开…报告 ("广西壮族自治区人民政府2024年政府信恩公开上作年属报"): one
 * OCR line, or two, of the report's head, an agency and a year followed by little more than a title's words,
 * keeping `MISREAD_TITLE_SHARE` of them in order. Its agency and year are kept below the flagging threshold.
 */
function misreadTitle(head: readonly RowRecord[]): ReportMeta | null {
  for (let span = 1; span <= 2; span++) {
    for (let start = 0; start + span <= head.length; start++) {
      const lines = head.slice(start, start + span);
      if (lines.some((r) => r.page !== lines[0]?.page || ocrConfidence(r.items) === undefined)) continue;
      const text = lines.map((r) => r.text.replace(/\s+/g, "")).join("");
      const year = /((?:19|20)\d\d)年度?/.exec(text);
      if (!year || text.length > 60) continue;
      const rest = [...text.slice(year.index + year[0].length)];
      if (rest.length > TITLE_WORDS.length + 4) continue;
      if (commonSubsequence(rest, TITLE_WORDS) < MISREAD_TITLE_SHARE * TITLE_WORDS.length) continue;
      const agency = text.slice(0, year.index).replace(/^[\s\-—–_·.,:：、。，|]+|[\s\-—–_·.,:：、。，|]+$/g, "");
      if (!/[\u4e00-\u9fff]{2}/.test(agency)) continue;
      const sure = Math.min(MISREAD_TITLE, ...lines.map((r) => ocrConfidence(r.items) ?? 1));
      return {
        title: text,
        agency,
        year: Number(year[1]),
        confidence: { agency: sure, year: sure },
        agencyByOcr: true,
      };
    }
  }
  return null;
}

/**
 * A line of a scan holding nothing but marks the recogniser made of specks ("-", "4", an unreadable mark, each
 * a character or two, no Chinese): no line of the report's head. A speckled page has dozens above its title.
 */
function isSpeckLine(record: RowRecord): boolean {
  return (
    record.items.length > 0 &&
    record.items.every((i) => i.source === "ocr" && [...i.text.trim()].length <= 2 && !/[\u3400-\u9fff]/.test(i.text))
  );
}

/** The OCR confidence of the lines the title was put together from (1 for a text layer), and whether OCR read any. */
function titleConfidence(head: readonly RowRecord[], title: string): { least: number; ocr: boolean } {
  let least = 1;
  let ocr = false;
  for (const record of head) {
    const text = record.text.replace(/\s+/g, "");
    if (text === "" || !title.includes(text)) continue;
    const read = ocrConfidence(record.items);
    if (read !== undefined) ocr = true;
    least = Math.min(least, read ?? 1);
  }
  return { least, ocr };
}

/** An issuing body's name as signed under a report: ends with a body's suffix, no punctuation. */
const AGENCY_LINE =
  /^[\p{Script=Han}（）()]{2,40}(?:人民政府|办公室|办公厅|局|委员会|委|厅|署|院|中心|管理处|办事处|街道|政府|分局|支队|大队)$/u;
const DATE_LINE =
  /^(?:(?:19|20)\d\d|[〇零二][〇零一二三四五六七八九]{3})年[0-9一二三四五六七八九十〇零]{1,2}月[0-9一二三四五六七八九十〇零]{1,3}日$/u;

/**
 * A title without its agency ("2022年政府信息公开工作年度报告"): the agency is the signature, the line just
 * above (or beside) the date that closes the report.
 */
function signatureAgency(records: readonly RowRecord[]): { text: string; confidence: number; ocr: boolean } | null {
  const tail = records.filter((r) => !r.ruled).slice(-12);
  const lines = tail.map((r) => r.text.replace(/\s+/g, ""));
  const signed = (text: string, i: number) => {
    const read = ocrConfidence(tail[i]?.items ?? []);
    return { text, confidence: read ?? 1, ocr: read !== undefined };
  };
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] ?? "";
    const beside = /^(.*?)((?:19|20)\d\d年\d{1,2}月\d{1,2}日)$/u.exec(line);
    if (beside?.[1] && AGENCY_LINE.test(beside[1])) return signed(beside[1], i);
    if (DATE_LINE.test(line)) {
      const above = lines[i - 1] ?? "";
      return AGENCY_LINE.test(above) ? signed(above, i - 1) : null;
    }
  }
  return null;
}

const CHINESE_DIGITS: Record<string, string> = {
  〇: "0",
  零: "0",
  Ｏ: "0",
  O: "0",
  一: "1",
  二: "2",
  三: "3",
  四: "4",
  五: "5",
  六: "6",
  七: "7",
  八: "8",
  九: "9",
};

/** "二〇二三年" → "2023年" (titles sometimes spell the year in characters). */
function toArabicYear(text: string): string {
  return text.replace(/([〇零Ｏ一二三四五六七八九]{4})(?=年)/g, (digits) =>
    [...digits].map((d) => CHINESE_DIGITS[d] ?? d).join(""),
  );
}

/** Marker words of one version found in a report that decide its version. */
const MIN_MARKERS = 2;

/**
 * The template a report's table headers show (SPEC §1): the registered version with the most of its markers
 * in the text (at least MIN_MARKERS; a tie goes to the earlier in registry order); without, the one its year
 * implies.
 */
export function detectVersion(
  text: string,
  year: number | null,
  templates: readonly TemplateDef[] = registeredTemplates(),
): TemplateVersion {
  const scores = templates.map((t) => [t.version, t.markers.filter((w) => text.includes(w)).length] as const);
  const best = [...scores].sort((a, b) => b[1] - a[1])[0];
  if (best && best[1] >= MIN_MARKERS) return best[0];
  if (year === null) return "unknown";
  return templates.find((t) => coversYear(t, year))?.version ?? "unknown";
}
