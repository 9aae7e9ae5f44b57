// OFD files written by a route of the check set's own (issue 15): a report's PDF (LibreOffice's, from the check
// set's HTML) is read by poppler — words and their boxes from `pdftotext -bbox`, stroked table rules from
// `pdftocairo -svg` — and written as OFD (GB/T 33190-2016) in one of several producer shapes. Nothing here
// uses gongkai's readers or the repo's OFD writer.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { strToU8, zipSync } from "fflate";

export interface Word {
  readonly text: string;
  /** Box in points, origin top-left. */
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export interface Rule {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export interface PdfPage {
  readonly width: number;
  readonly height: number;
  readonly words: Word[];
  readonly rules: Rule[];
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** Every page's words (pdftotext -bbox) and stroked straight rules (pdftocairo -svg, transform applied). */
export function readPdf(pdf: string, workDir: string): PdfPage[] {
  const xhtml = execFileSync("pdftotext", ["-bbox", pdf, "-"], { maxBuffer: 64 << 20 }).toString("utf8");
  const pages: PdfPage[] = [];
  for (const page of xhtml.split("<page ").slice(1)) {
    const [, w, h] = /width="([\d.]+)" height="([\d.]+)"/.exec(page) ?? [];
    const words = [
      ...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)<\/word>/g),
    ].map((m) => ({
      x0: Number(m[1]),
      y0: Number(m[2]),
      x1: Number(m[3]),
      y1: Number(m[4]),
      text: unescapeXml(m[5] as string),
    }));
    const n = pages.length + 1;
    const svgPath = `${workDir}/page-${n}.svg`;
    execFileSync("pdftocairo", ["-svg", "-f", String(n), "-l", String(n), pdf, svgPath]);
    pages.push({ width: Number(w), height: Number(h), words, rules: readRules(readFileSync(svgPath, "utf8")) });
  }
  return pages;
}

function readRules(svg: string): Rule[] {
  const rules: Rule[] = [];
  for (const m of svg.matchAll(/<path style="fill:none;[^"]*" d="([^"]*)"(?: transform="matrix\(([^)]*)\)")?/g)) {
    const [a, b, c, d, e, f] = (m[2] ?? "1,0,0,1,0,0").split(",").map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const at = (x: number, y: number) => [a * x + c * y + e, b * x + d * y + f] as const;
    const tokens = (m[1] as string).trim().split(/\s+/);
    let from: readonly [number, number] | null = null;
    for (let i = 0; i < tokens.length; ) {
      const op = tokens[i];
      const x = Number(tokens[i + 1]);
      const y = Number(tokens[i + 2]);
      if (op === "M") from = at(x, y);
      else if (op === "L" && from) {
        const to = at(x, y);
        rules.push({ x0: from[0], y0: from[1], x1: to[0], y1: to[1] });
        from = to;
      } else break;
      i += 3;
    }
  }
  return rules;
}

export type Producer = "per-glyph" | "delta-g" | "ctm-points" | "template-two-docs";

const MM = 25.4 / 72;
const r = (n: number) => Number(n.toFixed(3)).toString();

/** A word's glyph advances in points: CJK characters one weight, others 0.55 of one, spread over its box. */
function advances(word: Word): number[] {
  const chars = [...word.text];
  const weights = chars.map((ch) => ((ch.codePointAt(0) ?? 0) > 0x2e80 ? 1 : 0.55));
  const total = weights.reduce((s, x) => s + x, 0);
  return weights.map((x) => ((word.x1 - word.x0) * x) / total);
}

/** Font size and baseline (points) from poppler's box, which spans ascent + descent (1.3 em for these fonts). */
function metrics(word: Word): { size: number; baseline: number } {
  const size = (word.y1 - word.y0) / 1.3;
  return { size, baseline: word.y0 + size * 1.06 };
}

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A DeltaX list with runs of equal steps written as `g N d`, as some producers do. */
function deltaG(steps: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < steps.length; ) {
    let j = i;
    while (j < steps.length && r(steps[j] as number) === r(steps[i] as number)) j++;
    out.push(j - i > 1 ? `g ${j - i} ${r(steps[i] as number)}` : r(steps[i] as number));
    i = j;
  }
  return out.join(" ");
}

function textObjects(page: PdfPage, producer: Producer, nextId: () => number): string {
  return page.words
    .map((word) => {
      const { size, baseline } = metrics(word);
      const steps = advances(word);
      const chars = [...word.text];
      if (producer === "per-glyph") {
        // One TextCode per glyph, absolute positions, the object's Boundary the whole page.
        let x = word.x0;
        const codes = chars.map((ch, i) => {
          const code = `<ofd:TextCode X="${r(x * MM)}" Y="${r(baseline * MM)}">${xmlEscape(ch)}</ofd:TextCode>`;
          x += steps[i] as number;
          return code;
        });
        return `<ofd:TextObject ID="${nextId()}" Boundary="0 0 ${r(page.width * MM)} ${r(page.height * MM)}" Font="3" Size="${r(size * MM)}">${codes.join("")}</ofd:TextObject>`;
      }
      if (producer === "ctm-points") {
        // Coordinates in points inside a tight Boundary, scaled to millimetres by the object's CTM.
        const bx = word.x0 * MM;
        const by = word.y0 * MM;
        const dx = deltaG(steps.slice(0, -1));
        return `<ofd:TextObject ID="${nextId()}" Boundary="${r(bx)} ${r(by)} ${r((word.x1 - word.x0) * MM + 1)} ${r((word.y1 - word.y0) * MM + 1)}" CTM="${r(MM)} 0 0 ${r(MM)} 0 0" Font="3" Size="${r(size)}"><ofd:TextCode X="0" Y="${r(baseline - word.y0)}"${dx ? ` DeltaX="${dx}"` : ""}>${xmlEscape(word.text)}</ofd:TextCode></ofd:TextObject>`;
      }
      // delta-g and template-two-docs: a tight Boundary, X/Y relative to it, DeltaX with `g` runs.
      const bx = word.x0 * MM - 0.5;
      const by = word.y0 * MM - 0.5;
      const dx = deltaG(steps.slice(0, -1).map((s) => s * MM));
      return `<ofd:TextObject ID="${nextId()}" Boundary="${r(bx)} ${r(by)} ${r((word.x1 - word.x0) * MM + 1)} ${r((word.y1 - word.y0) * MM + 1)}" Font="3" Size="${r(size * MM)}"><ofd:TextCode X="0.5" Y="${r(baseline * MM - by)}"${dx ? ` DeltaX="${dx}"` : ""}>${xmlEscape(word.text)}</ofd:TextCode></ofd:TextObject>`;
    })
    .join("\n");
}

/** The page's rules as one PathObject (Boundary the rules' box, path relative to it) or one per rule. */
function pathObjects(page: PdfPage, producer: Producer, nextId: () => number): string {
  if (page.rules.length === 0) return "";
  if (producer === "per-glyph") {
    return page.rules
      .map((l) => {
        const x = Math.min(l.x0, l.x1) * MM;
        const y = Math.min(l.y0, l.y1) * MM;
        return `<ofd:PathObject ID="${nextId()}" Boundary="${r(x - 0.2)} ${r(y - 0.2)} ${r(Math.abs(l.x1 - l.x0) * MM + 0.4)} ${r(Math.abs(l.y1 - l.y0) * MM + 0.4)}" LineWidth="0.1"><ofd:AbbreviatedData>M ${r(l.x0 * MM - x + 0.2)} ${r(l.y0 * MM - y + 0.2)} L ${r(l.x1 * MM - x + 0.2)} ${r(l.y1 * MM - y + 0.2)}</ofd:AbbreviatedData></ofd:PathObject>`;
      })
      .join("\n");
  }
  const x0 = Math.min(...page.rules.flatMap((l) => [l.x0, l.x1])) * MM - 1;
  const y0 = Math.min(...page.rules.flatMap((l) => [l.y0, l.y1])) * MM - 1;
  const x1 = Math.max(...page.rules.flatMap((l) => [l.x0, l.x1])) * MM + 1;
  const y1 = Math.max(...page.rules.flatMap((l) => [l.y0, l.y1])) * MM + 1;
  const scale = producer === "ctm-points" ? 1 / MM : 1;
  const data = page.rules
    .map(
      (l) =>
        `M ${r((l.x0 * MM - x0) * scale)} ${r((l.y0 * MM - y0) * scale)} L ${r((l.x1 * MM - x0) * scale)} ${r((l.y1 * MM - y0) * scale)}`,
    )
    .join(" ");
  const ctm = producer === "ctm-points" ? ` CTM="${r(MM)} 0 0 ${r(MM)} 0 0" LineWidth="0.3"` : ' LineWidth="0.1"';
  return `<ofd:PathObject ID="${nextId()}" Boundary="${r(x0)} ${r(y0)} ${r(x1 - x0)} ${r(y1 - y0)}"${ctm}><ofd:AbbreviatedData>${data}</ofd:AbbreviatedData></ofd:PathObject>`;
}

const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';

function documentXml(pages: number, templates: number, maxId: number): string {
  const templateXml = Array.from(
    { length: templates },
    (_, i) => `<ofd:TemplatePage ID="${900 + i}" BaseLoc="Tpls/Tpl_${i}/Content.xml" ZOrder="Background"/>`,
  ).join("");
  return `<?xml version="1.0" encoding="UTF-8"?>
<ofd:Document ${NS}><ofd:CommonData><ofd:MaxUnitID>${maxId}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes>${templateXml}</ofd:CommonData>
<ofd:Pages>${Array.from({ length: pages }, (_, i) => `<ofd:Page ID="${100 + i}" BaseLoc="Pages/Page_${i}/Content.xml"/>`).join("")}</ofd:Pages></ofd:Document>`;
}

const PUBLIC_RES = `<?xml version="1.0" encoding="UTF-8"?>
<ofd:Res ${NS} BaseLoc="Res"><ofd:Fonts><ofd:Font ID="3" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>`;

/** One document's parts under `root` (Doc_0/): Document.xml, PublicRes.xml, pages and templates. */
function documentParts(pages: readonly PdfPage[], producer: Producer, root: string): Record<string, Uint8Array> {
  let id = 10;
  const nextId = () => ++id;
  const files: Record<string, Uint8Array> = {};
  const templated = producer === "template-two-docs";
  pages.forEach((page, i) => {
    const text = textObjects(page, producer, nextId);
    const paths = pathObjects(page, producer, nextId);
    const layers = templated
      ? `<ofd:Layer ID="${nextId()}" Type="Body">${text}</ofd:Layer>`
      : producer === "ctm-points"
        ? `<ofd:Layer ID="${nextId()}" Type="Background">${paths}</ofd:Layer><ofd:Layer ID="${nextId()}" Type="Body">${text}</ofd:Layer>`
        : `<ofd:Layer ID="${nextId()}">${paths}\n${text}</ofd:Layer>`;
    const template = templated ? `<ofd:Template TemplateID="${900 + i}"/>` : "";
    files[`${root}Pages/Page_${i}/Content.xml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Page ${NS}>${template}<ofd:Content>${layers}</ofd:Content></ofd:Page>`,
    );
    if (templated) {
      files[`${root}Tpls/Tpl_${i}/Content.xml`] = strToU8(
        `<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Page ${NS}><ofd:Content><ofd:Layer ID="${nextId()}">${paths}</ofd:Layer></ofd:Content></ofd:Page>`,
      );
    }
  });
  files[`${root}Document.xml`] = strToU8(documentXml(pages.length, templated ? pages.length : 0, id));
  files[`${root}PublicRes.xml`] = strToU8(PUBLIC_RES);
  return files;
}

/**
 * The OFD package. `template-two-docs` puts each page's rules in a page template of its own and writes the
 * report as the second of two documents (DocBody), after a one-page cover letter (`cover`), as a 公文 with its
 * report attached can be packaged.
 */
export function writeOfd(
  pages: readonly PdfPage[],
  producer: Producer,
  title: string,
  cover?: readonly PdfPage[],
): Uint8Array {
  const docBody = (root: string) =>
    `<ofd:DocBody><ofd:DocInfo><ofd:DocID>${root.replace("/", "")}0000000000000000000000</ofd:DocID><ofd:Title>${xmlEscape(title)}</ofd:Title><ofd:Creator>check-formats</ofd:Creator></ofd:DocInfo><ofd:DocRoot>${root}Document.xml</ofd:DocRoot></ofd:DocBody>`;
  const files: Record<string, Uint8Array> =
    producer === "template-two-docs" && cover
      ? { ...documentParts(cover, "delta-g", "Doc_0/"), ...documentParts(pages, producer, "Doc_1/") }
      : documentParts(pages, producer, "Doc_0/");
  const bodies = producer === "template-two-docs" && cover ? docBody("Doc_0/") + docBody("Doc_1/") : docBody("Doc_0/");
  files["OFD.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?>\n<ofd:OFD ${NS} Version="1.0" DocType="OFD">${bodies}</ofd:OFD>`,
  );
  return zipSync(files, { level: 6, mtime: new Date("2024-03-05T09:00:00Z") });
}
