import type { TemplateDef, TemplateVersion } from "../../templates/index.js";
import type { RowRecord } from "./row-record.js";

export interface ReportMeta {
  readonly title: string | null;
  readonly agency: string | null;
  readonly year: number | null;
}

const TITLE_END = /政府信息公开(?:工作)?年度?报告/;

/**
 * Title, agency and year from the first lines of the report. Titles put the year after the agency
 * ("海原县工业信息化和商务局2021年政府信息公开工作年度报告") or before it ("2021年XX市人民政府…"), and may wrap.
 */
export function extractMeta(records: readonly RowRecord[]): ReportMeta {
  const head = records.slice(0, 12).filter((r) => !r.ruled);
  let title: string | null = null;
  for (let i = 0; i < head.length && title === null; i++) {
    const joined = [0, 1, 2].map((k) =>
      head
        .slice(i, i + k + 1)
        .map((r) => r.text.replace(/\s+/g, ""))
        .join(""),
    );
    title =
      joined.find(
        (t) => TITLE_END.test(t) && /(?:19|20)\d\d|[〇零二][〇零一二三四五六七八九]{3}年/.test(t) && t.length <= 80,
      ) ?? null;
  }
  if (!title) return { title: null, agency: null, year: null };
  title = title.replace(/^[#*\s]+|[*\s]+$/g, "");
  // "关于印发《XX局2023年…报告》的通知": the report's own title is inside the notice's.
  const core = toArabicYear(
    title
      .replace(/^.*?关于(?:印发|公布|发布)/, "")
      .replace(/[《》]/g, "")
      .replace(/的通知$/, ""),
  );
  const yearMatch = /((?:19|20)\d\d)\s*年(?:度)?/.exec(core);
  const year = yearMatch ? Number(yearMatch[1]) : null;
  let agency: string | null = null;
  if (yearMatch) {
    const before = title.slice(0, yearMatch.index).replace(/^关于/, "").trim();
    const after =
      title
        .slice(yearMatch.index + yearMatch[0].length)
        .split(TITLE_END)[0]
        ?.trim() ?? "";
    agency = before !== "" ? before : after !== "" ? after : null;
  }
  return { title, agency, year };
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

/** The template a report's table headers show (SPEC §1); without markers, the one its year implies. */
export function detectVersion(
  text: string,
  year: number | null,
  markers: TemplateDef["versionMarkers"],
): TemplateVersion {
  const hits = (words: readonly string[]) => words.filter((w) => text.includes(w)).length;
  const scores = { v2021: hits(markers.v2021), v2019: hits(markers.v2019), legacy: hits(markers.legacy) };
  const best = (Object.entries(scores) as [TemplateVersion, number][]).sort((a, b) => b[1] - a[1])[0];
  if (best && best[1] >= 2) return best[0];
  if (year === null) return "unknown";
  return year >= 2021 ? "v2021" : year >= 2019 ? "v2019" : "legacy";
}
