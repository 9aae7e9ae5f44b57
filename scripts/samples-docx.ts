// Renders a sample by filling the official blank Word template (template-2021-blank.docx): our title and
// narrative replace its placeholder paragraphs, printed numbers go into its empty table cells, and options
// change fonts, captions, column widths, label line breaks and the page footer. LibreOffice lays it out.
import { S3_ROWS, type S3Row } from "./samples-model.js";
import type { ReportDoc } from "./samples-narrative.js";
import { readZip, writeZip } from "./samples-zip.js";

export interface DocxOptions {
  font: string;
  /** Font of the three tables (default `font`); a distinct font lets one sample garble only the tables. */
  tableFont?: string;
  /** "- N -" page-number footer on every page. */
  footer?: boolean;
  /** Section 二 caption rows to drop, e.g. ["第二十条第（五）项"]. */
  omitCaptions?: readonly string[];
  /** Label cell text → replacement where "\n" is a forced line break (vertical or broken labels). */
  labelBreaks?: Readonly<Record<string, string>>;
  /** Widths (twips) of the ten grid columns of table 三 (template: 754 921 3271 685×7). */
  s3Grid?: readonly number[];
  /** Rows of table 三 whose label is top-aligned and whose numbers sit under this many blank lines. */
  sinkNumbers?: { row: S3Row; lines: number };
  /** Empty paragraphs before the heading of section 三 (moves table 三 down). */
  spacer?: number;
}

const esc = (s: string): string => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
const rFonts = (f: string): string => `<w:rFonts w:ascii="${f}" w:hAnsi="${f}" w:eastAsia="${f}" w:cs="${f}"/>`;

function para(text: string, font: string, o: { size?: number; bold?: boolean; center?: boolean; indent?: boolean }) {
  const jc = o.center ? '<w:jc w:val="center"/>' : '<w:jc w:val="both"/>';
  const ind = o.indent ? '<w:ind w:firstLine="480"/>' : "";
  const size = o.size ?? 24;
  const rpr = `${rFonts(font)}${o.bold ? "<w:b/><w:bCs/>" : ""}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/>`;
  const run = text === "" ? "" : `<w:r><w:rPr>${rpr}</w:rPr><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
  return `<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="360" w:lineRule="auto"/>${ind}${jc}<w:rPr>${rpr}</w:rPr></w:pPr>${run}</w:p>`;
}

/** Paragraph(s) of a table cell: centred 10pt text, `blankLines` empty lines first. */
function cellParas(text: string, font: string, blankLines = 0): string {
  const rpr = `${rFonts(font)}<w:sz w:val="20"/><w:szCs w:val="20"/>`;
  const ppr = `<w:pPr><w:spacing w:before="0" w:after="0"/><w:jc w:val="center"/><w:rPr>${rpr}</w:rPr></w:pPr>`;
  const blank = `<w:p>${ppr}</w:p>`.repeat(blankLines);
  const run = text === "" ? "" : `<w:r><w:rPr>${rpr}</w:rPr><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
  return `${blank}<w:p>${ppr}${run}</w:p>`;
}

const matchAll = (xml: string, re: RegExp): string[] => [...xml.matchAll(re)].map((m) => m[0]);
const ROW_RE = /<w:tr[ >][\s\S]*?<\/w:tr>/g;
const CELL_RE = /<w:tc>[\s\S]*?<\/w:tc>/g;
const cellsOf = (tr: string): string[] => matchAll(tr, CELL_RE);
const textOf = (xml: string): string =>
  matchAll(xml, /<w:t(?: [^>]*)?>[^<]*<\/w:t>/g)
    .join("")
    .replace(/<[^>]+>/g, "");

/** Maps every match of `re` (a global regex) in order; the callback gets the match and its index. */
function mapMatches(xml: string, re: RegExp, fn: (m: string, i: number) => string): string {
  let i = 0;
  return xml.replace(re, (m) => fn(m, i++));
}

function setCell(tc: string, body: string, vAlign?: string): string {
  const start = tc.indexOf("<w:p");
  let head = start < 0 ? tc.slice(0, -"</w:tc>".length) : tc.slice(0, start);
  if (vAlign !== undefined) head = head.replace(/<w:vAlign w:val="[a-z]+"\/>/, `<w:vAlign w:val="${vAlign}"/>`);
  return `${head}${body}</w:tc>`;
}

/** Replaces the cells at `indexes` of a row using `fill(cell, k)` where k is the position in `indexes`. */
function fillRow(tr: string, indexes: readonly number[], fill: (tc: string, k: number) => string): string {
  const count = cellsOf(tr).length;
  if (indexes.some((i) => i >= count)) throw new Error(`Expected cells ${indexes.join(",")} in a row of ${count}`);
  return mapMatches(tr, CELL_RE, (tc, i) => (indexes.includes(i) ? fill(tc, indexes.indexOf(i)) : tc));
}

const S2_ROWS: Record<string, readonly string[]> = {
  规章: ["s2.rules.made", "s2.rules.repealed", "s2.rules.valid"],
  行政规范性文件: ["s2.normative_docs.made", "s2.normative_docs.repealed", "s2.normative_docs.valid"],
  行政许可: ["s2.admin_license.decisions"],
  行政处罚: ["s2.admin_penalty.decisions"],
  行政强制: ["s2.admin_coercion.decisions"],
  行政事业性收费: ["s2.admin_fees.amount_wan"],
};

function fillS2(tbl: string, printed: Record<string, string>, font: string, omit: readonly string[]): string {
  return mapMatches(tbl, ROW_RE, (tr) => {
    const label = textOf(cellsOf(tr)[0] ?? "").trim();
    if (omit.includes(label)) return "";
    const paths = S2_ROWS[label];
    if (paths === undefined) return tr;
    return fillRow(
      tr,
      paths.map((_, i) => i + 1),
      (tc, k) => setCell(tc, cellParas(printed[paths[k] ?? ""] ?? "", font)),
    );
  });
}

const S3_COLUMN_KEYS = ["natural", "commercial", "research", "social", "legal", "other_org", "total"];

function fillS3(tbl: string, printed: Record<string, string>, font: string, o: DocxOptions): string {
  const out = mapMatches(tbl, ROW_RE, (tr, r) => {
    if (r < 3) return tr;
    const row = S3_ROWS[r - 3];
    if (row === undefined) throw new Error(`Expected 25 data rows in template table 三, got row ${r}`);
    const first = cellsOf(tr).length - 7;
    const sink = o.sinkNumbers?.row === row.key ? o.sinkNumbers.lines : -1;
    const indexes = [first - 1, ...S3_COLUMN_KEYS.map((_, i) => first + i)];
    return fillRow(tr, indexes, (tc, k) => {
      if (k === 0) return sink >= 0 ? tc.replace(/<w:vAlign w:val="[a-z]+"\/>/, '<w:vAlign w:val="top"/>') : tc;
      const text = printed[`s3.${row.key}.${S3_COLUMN_KEYS[k - 1] ?? ""}`] ?? "";
      return setCell(tc, cellParas(text, font, Math.max(0, sink)), sink >= 0 ? "bottom" : undefined);
    });
  });
  return o.s3Grid === undefined ? out : regrid(out, o.s3Grid);
}

/** Rewrites a table's grid and every cell width to match it (cells span `gridSpan` columns). */
function regrid(tbl: string, grid: readonly number[]): string {
  const cols = grid.map((w) => `<w:gridCol w:w="${w}"/>`).join("");
  const out = tbl.replace(/<w:tblGrid>[\s\S]*?<\/w:tblGrid>/, `<w:tblGrid>${cols}</w:tblGrid>`);
  return mapMatches(out, ROW_RE, (tr) => {
    let col = 0;
    return mapMatches(tr, CELL_RE, (tc) => {
      const span = Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(tc)?.[1] ?? "1");
      const width = grid.slice(col, col + span).reduce((a, b) => a + b, 0);
      col += span;
      return tc.replace(/<w:tcW w:w="\d+" w:type="dxa"\/>/, `<w:tcW w:w="${width}" w:type="dxa"/>`);
    });
  });
}

const S4_PATH_LIST = ["review", "suit_direct", "suit_after_review"].flatMap((g) =>
  ["upheld", "corrected", "other", "pending", "total"].map((f) => `s4.${g}.${f}`),
);

function fillS4(tbl: string, printed: Record<string, string>, font: string): string {
  return mapMatches(tbl, ROW_RE, (tr, r) =>
    r !== 3
      ? tr
      : fillRow(
          tr,
          S4_PATH_LIST.map((_, i) => i),
          (tc, k) => setCell(tc, cellParas(printed[S4_PATH_LIST[k] ?? ""] ?? "", font)),
        ),
  );
}

function applyLabelBreaks(tbl: string, breaks: Readonly<Record<string, string>>): string {
  let out = tbl;
  for (const [label, broken] of Object.entries(breaks)) {
    const runs = broken
      .split("\n")
      .map((s) => `<w:t xml:space="preserve">${esc(s)}</w:t>`)
      .join("<w:br/>");
    out = out.replaceAll(`<w:t>${label}</w:t>`, runs);
  }
  return out;
}

const FOOTER = (font: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr>${rFonts(font)}<w:sz w:val="24"/></w:rPr><w:t xml:space="preserve">- </w:t></w:r><w:r><w:rPr>${rFonts(font)}<w:sz w:val="24"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:rPr>${rFonts(font)}<w:sz w:val="24"/></w:rPr><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:rPr>${rFonts(font)}<w:sz w:val="24"/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr>${rFonts(font)}<w:sz w:val="24"/></w:rPr><w:t>1</w:t></w:r><w:r><w:rPr>${rFonts(font)}<w:sz w:val="24"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r><w:r><w:rPr>${rFonts(font)}<w:sz w:val="24"/></w:rPr><w:t xml:space="preserve"> -</w:t></w:r></w:p></w:ftr>`;

/** Builds the filled .docx bytes from the blank template bytes. */
export function renderDocx(template: Buffer, doc: ReportDoc, printed: Record<string, string>, o: DocxOptions): Buffer {
  const parts = readZip(template);
  const xml = parts.get("word/document.xml")?.toString("utf8");
  if (xml === undefined) throw new Error("Expected word/document.xml in the template");
  const tableFont = o.tableFont ?? o.font;
  const tables = matchAll(xml, /<w:tbl>[\s\S]*?<\/w:tbl>/g).map((t) =>
    applyLabelBreaks(t.replace(/<w:rFonts[^>]*\/>/g, rFonts(tableFont)), o.labelBreaks ?? {}),
  );
  const [t2 = "", t3 = "", t4 = ""] = tables;
  const filled: Record<string, string> = {
    s2: fillS2(t2, printed, tableFont, o.omitCaptions ?? []),
    s3: fillS3(t3, printed, tableFont, o),
    s4: fillS4(t4, printed, tableFont),
  };
  const body: string[] = [para(doc.title, o.font, { size: 36, bold: true, center: true }), para("", o.font, {})];
  for (const p of doc.preface) body.push(para(p, o.font, { indent: true }));
  for (const s of doc.sections) {
    if (s.table === "s3") for (let i = 0; i < (o.spacer ?? 0); i++) body.push(para("", o.font, {}));
    body.push(para(s.heading, o.font, { bold: true, size: 28 }));
    for (const p of s.paragraphs) body.push(para(p, o.font, { indent: true }));
    if (s.table !== undefined) body.push(filled[s.table] ?? "", para("", o.font, {}));
    for (const p of s.after ?? []) body.push(para(p, o.font, { indent: true }));
  }
  let sectPr = /<w:sectPr>[\s\S]*?<\/w:sectPr>/.exec(xml)?.[0] ?? "";
  if (o.footer) {
    sectPr = sectPr.replace("<w:sectPr>", '<w:sectPr><w:footerReference w:type="default" r:id="rIdGkFooter"/>');
    parts.set("word/footer1.xml", Buffer.from(FOOTER(o.font)));
    const rels = parts.get("word/_rels/document.xml.rels")?.toString("utf8") ?? "";
    const rel = `<Relationship Id="rIdGkFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>`;
    parts.set("word/_rels/document.xml.rels", Buffer.from(rels.replace("</Relationships>", `${rel}</Relationships>`)));
    const types = parts.get("[Content_Types].xml")?.toString("utf8") ?? "";
    const type = `<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>`;
    parts.set("[Content_Types].xml", Buffer.from(types.replace("</Types>", `${type}</Types>`)));
  }
  const head = xml.slice(0, xml.indexOf("<w:body>") + "<w:body>".length);
  parts.set("word/document.xml", Buffer.from(`${head}${body.join("")}${sectPr}</w:body></w:document>`));
  const styles = parts.get("word/styles.xml")?.toString("utf8") ?? "";
  parts.set("word/styles.xml", Buffer.from(styles.replace(/<w:rFonts[^>]*\/>/g, rFonts(o.font))));
  return writeZip(parts);
}
