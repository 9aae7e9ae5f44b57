// A small OFD (GB/T 33190-2016) writer for the OFD samples: pages of text runs and ruling lines, and pages that
// are one image, written the way real producers write them. Only used by scripts/make-ofd.ts.
import type { RuleSegment } from "../src/model/page-content.js";
import { writeZip } from "./samples-zip.js";

/** Millimetres per point: OFD measures in millimetres. */
const MM = 25.4 / 72;

/** A run of text as a PDF's text layer gives it: each glyph's left edge, one baseline, in points from the top-left. */
export interface RunSpec {
  readonly text: string;
  readonly xs: readonly number[];
  readonly baseline: number;
  readonly size: number;
  /** Set for a column of single characters: each one's baseline (the run is written as one vertical TextCode). */
  readonly baselines?: readonly number[];
}

export interface PageSpec {
  /** Points. */
  readonly width: number;
  readonly height: number;
  readonly runs: readonly RunSpec[];
  readonly rules: readonly RuleSegment[];
  /** A page that is a picture (a scan): PNG or JPEG bytes painted over the whole page, and nothing else. */
  readonly image?: { readonly bytes: Uint8Array; readonly format: "PNG" | "JPEG" };
}

/**
 * How the package is written: the quirks of real producers (see tests/fixtures/ofd-real/README.md).
 * - `ctm`: text and paths in points under a CTM of 0.3528 (Suwell-style converters), sizes in points;
 * - `compress`: DeltaX runs written with the `g` shorthand;
 * - `filledRules`: rules as thin filled rectangles instead of stroked lines;
 * - `embedFont`: the font's file embedded (FontFile) instead of referenced by name only;
 * - `templates`: each page's rules in a page template of its own (ZOrder Background), its text in the page;
 * - `oddPaths`: absolute ST_Loc paths, a backslash path, a Res folder given as an absolute BaseLoc, a DocRoot
 *   starting with `/`, page folders not named Page_N;
 * - `clips`: every text object clipped to its Boundary, and rules drawn through a layer DrawParam chain.
 */
export interface OfdStyle {
  readonly font: string;
  readonly ctm?: boolean;
  readonly compress?: boolean;
  readonly filledRules?: boolean;
  readonly embedFont?: Uint8Array;
  readonly templates?: boolean;
  readonly oddPaths?: boolean;
  readonly clips?: boolean;
}

/** Writes the OFD package of `pages` as ZIP bytes (deterministic: fixed timestamps, sorted-by-write order). */
export function writeOfd(pages: readonly PageSpec[], style: OfdStyle, title: string): Buffer {
  const files = new Map<string, Buffer>();
  const put = (path: string, text: string) => files.set(path, Buffer.from(text, "utf8"));
  let nextId = 10;
  const id = () => nextId++;
  const fontId = 1;
  const drawParamBase = 2;
  const drawParam = 3;
  const media: string[] = [];
  const pageRefs: string[] = [];
  const templateRefs: string[] = [];
  pages.forEach((page, i) => {
    const folder = style.oddPaths ? `Pages/P${i + 1}_Content` : `Pages/Page_${i}`;
    const pageId = id();
    const ref = style.oddPaths
      ? i % 2 === 0
        ? `/Doc_0/${folder}/Content.xml`
        : `${folder.replace("/", "\\")}\\Content.xml`
      : `${folder}/Content.xml`;
    pageRefs.push(`<ofd:Page ID="${pageId}" BaseLoc="${ref}"/>`);
    const body: string[] = [];
    let templateUse = "";
    if (page.image) {
      const mediaId = id();
      const name = `scan_${i + 1}.${page.image.format === "PNG" ? "png" : "jpg"}`;
      files.set(`Doc_0/Res/${name}`, Buffer.from(page.image.bytes));
      media.push(
        `<ofd:MultiMedia ID="${mediaId}" Type="Image" Format="${page.image.format}"><ofd:MediaFile>${name}</ofd:MediaFile></ofd:MultiMedia>`,
      );
      const w = num(page.width * MM);
      const h = num(page.height * MM);
      body.push(
        `<ofd:ImageObject ID="${id()}" ResourceID="${mediaId}" Boundary="0 0 ${w} ${h}" CTM="${w} 0 0 ${h} 0 0"/>`,
      );
    } else {
      for (const run of page.runs) body.push(textObject(run, id(), fontId, style));
      const rules = page.rules.map((rule) => pathObject(rule, id(), style));
      if (style.templates) {
        const templateId = id();
        const loc = style.oddPaths ? `/Doc_0/KingGridTPLS/TPL_${i}/Content.xml` : `Tpls/Tpl_${i}/Content.xml`;
        templateRefs.push(`<ofd:TemplatePage ID="${templateId}" BaseLoc="${loc}" ZOrder="Background"/>`);
        put(`Doc_0/${loc.replace(/^\/Doc_0\//, "")}`, pageXml(page, [layer(id(), rules, style)], ""));
        templateUse = `<ofd:Template TemplateID="${templateId}" ZOrder="Background"/>`;
      } else body.push(...rules);
    }
    put(`Doc_0/${folder}/Content.xml`, pageXml(page, [layer(id(), body, style)], templateUse));
  });
  const fontFile = style.embedFont ? "<ofd:FontFile>font_1.ttf</ofd:FontFile>" : "";
  if (style.embedFont) files.set("Doc_0/Res/font_1.ttf", Buffer.from(style.embedFont));
  const resBase = style.oddPaths ? "/Doc_0/Res" : "Res";
  const params = style.clips
    ? `<ofd:DrawParams><ofd:DrawParam ID="${drawParamBase}" LineWidth="0.25"><ofd:StrokeColor Value="0 0 0"/></ofd:DrawParam><ofd:DrawParam ID="${drawParam}" Relative="${drawParamBase}"><ofd:FillColor Value="0 0 0"/></ofd:DrawParam></ofd:DrawParams>`
    : "";
  put(
    "Doc_0/PublicRes.xml",
    `${DECL}<ofd:Res xmlns:ofd="${NS}" BaseLoc="${resBase}"><ofd:ColorSpaces><ofd:ColorSpace ID="9" Type="RGB" BitsPerComponent="8"/></ofd:ColorSpaces><ofd:Fonts><ofd:Font ID="${fontId}" FontName="${style.font}" FamilyName="${style.font}">${fontFile}</ofd:Font></ofd:Fonts>${params}</ofd:Res>`,
  );
  put(
    "Doc_0/DocumentRes.xml",
    `${DECL}<ofd:Res xmlns:ofd="${NS}" BaseLoc="${resBase}"><ofd:MultiMedias>${media.join("")}</ofd:MultiMedias></ofd:Res>`,
  );
  const first = pages[0] ?? { width: 595.28, height: 841.89 };
  put(
    "Doc_0/Document.xml",
    `${DECL}<ofd:Document xmlns:ofd="${NS}"><ofd:CommonData><ofd:MaxUnitID>${nextId}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 ${num(first.width * MM)} ${num(first.height * MM)}</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:DocumentRes>${style.oddPaths ? "/Doc_0/DocumentRes.xml" : "DocumentRes.xml"}</ofd:DocumentRes>${templateRefs.join("")}</ofd:CommonData><ofd:Pages>${pageRefs.join("")}</ofd:Pages></ofd:Document>`,
  );
  put(
    "OFD.xml",
    `${DECL}<ofd:OFD xmlns:ofd="${NS}" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>${docId(title)}</ofd:DocID><ofd:Title>${escapeXml(title)}</ofd:Title><ofd:Creator>gongkai scripts/make-ofd.ts</ofd:Creator></ofd:DocInfo><ofd:DocRoot>${style.oddPaths ? "/Doc_0/Document.xml" : "Doc_0/Document.xml"}</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
  );
  // OFD.xml first, as producers write it; the rest in the order written.
  const ordered = new Map([
    ["OFD.xml", files.get("OFD.xml") as Buffer],
    ...[...files].filter(([k]) => k !== "OFD.xml"),
  ]);
  return writeZip(ordered);
}

const DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = "http://www.ofdspec.org/2016";

function pageXml(page: PageSpec, layers: readonly string[], template: string): string {
  return `${DECL}<ofd:Page xmlns:ofd="${NS}">${template}<ofd:Area><ofd:PhysicalBox>0 0 ${num(page.width * MM)} ${num(page.height * MM)}</ofd:PhysicalBox></ofd:Area><ofd:Content>${layers.join("")}</ofd:Content></ofd:Page>`;
}

function layer(layerId: number, objects: readonly string[], style: OfdStyle): string {
  const param = style.clips ? ' DrawParam="3"' : "";
  return `<ofd:Layer ID="${layerId}"${param}>\n${objects.join("\n")}\n</ofd:Layer>`;
}

/**
 * One run as a TextObject. Its Boundary is the run's box; glyph positions are relative to it (in millimetres,
 * or in points under a CTM of 0.3528). A column of single characters is one TextCode stepping down with DeltaY.
 */
function textObject(run: RunSpec, objectId: number, fontId: number, style: OfdStyle): string {
  const unit = style.ctm ? 1 : MM;
  const chars = [...run.text];
  const x0 = run.xs[0] ?? 0;
  const baselines = run.baselines ?? chars.map(() => run.baseline);
  const top = Math.min(...baselines) - run.size;
  const right = Math.max(...run.xs) + run.size;
  const bottom = Math.max(...baselines) + run.size * 0.3;
  const boundary = [x0 * MM, top * MM, (right - x0) * MM, (bottom - top) * MM].map(num).join(" ");
  const x = 0;
  const y = (baselines[0] as number) - top;
  let deltas: string;
  if (run.baselines) {
    const dys = baselines.slice(1).map((b, i) => (b - (baselines[i] as number)) * unit);
    deltas = ` DeltaY="${deltaList(dys, style.compress ?? false)}"`;
  } else {
    const dxs = run.xs.slice(1).map((v, i) => (v - (run.xs[i] as number)) * unit);
    deltas = dxs.length > 0 ? ` DeltaX="${deltaList(dxs, style.compress ?? false)}"` : "";
  }
  const ctm = style.ctm ? ` CTM="${num(MM)} 0 0 ${num(MM)} 0 0"` : "";
  const clip = style.clips
    ? `<ofd:Clips><ofd:Clip><ofd:Area><ofd:Path Boundary="0 0 ${boundary.split(" ").slice(2).join(" ")}" Stroke="false" Fill="true"><ofd:AbbreviatedData>M 0 0 L ${boundary.split(" ")[2]} 0 L ${boundary.split(" ")[2]} ${boundary.split(" ")[3]} L 0 ${boundary.split(" ")[3]} C</ofd:AbbreviatedData></ofd:Path></ofd:Area></ofd:Clip></ofd:Clips>`
    : "";
  return `<ofd:TextObject ID="${objectId}" Boundary="${boundary}"${ctm} Font="${fontId}" Size="${num(run.size * unit)}">${clip}<ofd:FillColor Value="0 0 0"/><ofd:TextCode X="${num(x * unit)}" Y="${num(y * unit)}"${deltas}>${escapeXml(run.text)}</ofd:TextCode></ofd:TextObject>`;
}

/** One ruling line: a stroked line, or a filled bar 0.5 pt thick (under a CTM in points when `ctm`). */
function pathObject(rule: RuleSegment, objectId: number, style: OfdStyle): string {
  const thick = 0.5;
  const horizontal = rule.orientation === "h";
  const [x, y, w, h] = horizontal
    ? [rule.from, rule.at - thick / 2, rule.to - rule.from, thick]
    : [rule.at - thick / 2, rule.from, thick, rule.to - rule.from];
  const boundary = [x * MM, y * MM, w * MM, h * MM].map(num).join(" ");
  const unit = style.ctm ? 1 : MM;
  const ctm = style.ctm ? ` CTM="${num(MM)} 0 0 ${num(MM)} 0 0"` : "";
  if (style.filledRules) {
    const data = `M 0 0 L ${num(w * unit)} 0 L ${num(w * unit)} ${num(h * unit)} L 0 ${num(h * unit)} C`;
    return `<ofd:PathObject ID="${objectId}" Boundary="${boundary}"${ctm} Stroke="false" Fill="true"><ofd:FillColor Value="0 0 0"/><ofd:AbbreviatedData>${data}</ofd:AbbreviatedData></ofd:PathObject>`;
  }
  const data = horizontal
    ? `M 0 ${num((h / 2) * unit)} L ${num(w * unit)} ${num((h / 2) * unit)}`
    : `M ${num((w / 2) * unit)} 0 L ${num((w / 2) * unit)} ${num(h * unit)}`;
  // With clips on, the line width and colour come from the layer's DrawParam chain.
  const width = style.clips ? "" : ` LineWidth="${num(thick * MM)}"`;
  return `<ofd:PathObject ID="${objectId}" Boundary="${boundary}"${ctm}${width}><ofd:AbbreviatedData>${data}</ofd:AbbreviatedData></ofd:PathObject>`;
}

/** A DeltaX/DeltaY list, with runs of one value as `g N v` when `compress` (two or more alike). */
function deltaList(values: readonly number[], compress: boolean): string {
  const written = values.map(num);
  if (!compress) return written.join(" ");
  const out: string[] = [];
  for (let i = 0; i < written.length; ) {
    let j = i;
    while (j < written.length && written[j] === written[i]) j++;
    out.push(j - i >= 2 ? `g ${j - i} ${written[i]}` : (written[i] as string));
    i = j;
  }
  return out.join(" ");
}

function num(value: number): string {
  const rounded = Math.round(value * 10000) / 10000;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

function docId(title: string): string {
  let hash = 0x811c9dc5;
  for (const ch of title) hash = Math.imul(hash ^ (ch.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, "0").repeat(4);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
