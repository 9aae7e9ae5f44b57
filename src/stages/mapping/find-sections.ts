import type { RowRecord } from "./row-record.js";

/** Record index ranges [start, end) of the three statistical tables; -1 start when not found. */
export interface SectionSpans {
  readonly s2: readonly [number, number];
  readonly s3: readonly [number, number];
  readonly s4: readonly [number, number];
}

const S2_HEADING = /二、\s*主动公开/;
/** Words of the 第二十条 tables themselves: a report's own tables in section 二 (by channel, by topic) come before. */
const S2_TABLE =
  /第二十条|本年制发件数|本年废止件数|现行有效件数|本年处理决定数量|本年收费金额|本年新制作数量|上一年项目数量|采购总金额/;
/** A table-of-contents line: a heading followed by leader dots or a gap and a page number. */
const TOC_LINE = /(?:[.．…·⋯\-_—]{2,}|\s)\s*\d{1,3}\s*$/;
const HEADING_START = /^\s*(?:[一二三四五六七八九十]{1,3}、|目\s*录)/;
const S3_HEADER = /勾稽关系|申请人情况|法人或其他组织/;
const S3_HEADING = /三、\s*收到和处理/;
const S4_HEADER = /结果维持|尚未审结|复议后起诉|未经复议/;
const S4_HEADING = /四、.{0,12}行政复议/;
const S5_HEADING = /五、\s*(?:政府信息公开工作)?存在的?主要问题|^\s*五、/;

function isTocLine(record: RowRecord): boolean {
  return !record.ruled && HEADING_START.test(record.text) && TOC_LINE.test(record.text);
}

/** Locates the tables by their captions and header words (SPEC §1 headings and §2 labels). */
export function findSections(records: readonly RowRecord[]): SectionSpans {
  const find = (re: RegExp, from = 0) => {
    for (let i = Math.max(0, from); i < records.length; i++) {
      const text = records[i]?.text ?? "";
      if (re.test(text) && !isTocLine(records[i] as RowRecord)) return i;
    }
    return -1;
  };
  const s3Heading = find(S3_HEADING);
  const s3Header = find(S3_HEADER, Math.max(0, s3Heading));
  // Without heading and header words, the table still starts at its first row (一、本年新收…).
  const s3FirstRow = find(/本年新收|新收.{0,8}申请数/, Math.max(0, s3Heading));
  const s3Start = s3Header >= 0 ? s3Header : s3Heading >= 0 ? s3Heading : s3FirstRow;
  const s4Heading = find(S4_HEADING, Math.max(0, s3Start + 1));
  const s4Header = find(S4_HEADER, Math.max(0, s3Start + 1));
  const s4Start = s4Heading >= 0 && (s4Header < 0 || s4Heading < s4Header) ? s4Heading : s4Header;
  const s5 = find(S5_HEADING, Math.max(0, s4Start + 1));
  const s3Begin = s3Heading >= 0 ? s3Heading : s3Start;
  const s2Heading = find(S2_HEADING);
  const s2Table = find(S2_TABLE, Math.max(0, s2Heading));
  const s2Start = s2Table >= 0 && (s3Begin < 0 || s2Table < s3Begin) ? s2Table : s2Heading;
  return {
    s2: [s2Start, s2Start >= 0 ? (s3Begin >= 0 ? s3Begin : records.length) : -1],
    s3: [s3Start, s3Start >= 0 ? (s4Start >= 0 ? s4Start : records.length) : -1],
    s4: [s4Start, s4Start >= 0 ? (s5 >= 0 ? s5 : records.length) : -1],
  };
}
