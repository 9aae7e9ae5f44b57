// Generates samples/: one PDF per spec (laid out by LibreOffice from a filled official .docx or from HTML),
// its <stem>.truth.json, and README.md. Run: npx tsx scripts/make-samples.ts [stem…]
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { printWithChromium } from "./samples-chromium.js";
import { renderDocx } from "./samples-docx.js";
import { renderHtml } from "./samples-html.js";
import { S3_ROWS, type Values } from "./samples-model.js";
import { buildNarrative, type ReportDoc } from "./samples-narrative.js";
import { convertToPdf, garbleFont, pageTexts, puaPages, WORK_DIR } from "./samples-pdf.js";
import { blankPaths, printValues } from "./samples-print.js";
import { writeReadme } from "./samples-readme.js";
import { SAMPLE_SPECS } from "./samples-specs.js";
import { buildTruth, type SampleSpec, type Truth } from "./samples-truth.js";
import { makeValues } from "./samples-values.js";

const ROOT = join(import.meta.dirname, "..");
const SAMPLES = join(ROOT, "samples");
const TEMPLATE = join(ROOT, "samples", "source", "template-2021-blank.docx");

function render(spec: SampleSpec, doc: ReportDoc, printed: Record<string, string>, pdf: string, spacer: number) {
  if (spec.render.kind === "docx") {
    const input = join(WORK_DIR, `${spec.stem}.docx`);
    const options = { ...spec.render.options, spacer };
    writeFileSync(input, renderDocx(readFileSync(TEMPLATE), doc, printed, options));
    convertToPdf(input, pdf);
  } else {
    const input = join(WORK_DIR, `${spec.stem}.html`);
    writeFileSync(input, renderHtml(doc, printed, spec.render.options));
    if (spec.render.options.engine === "chromium") printWithChromium(input, pdf);
    else convertToPdf(input, pdf);
  }
}

const NUMBERS_LINE = /(\s[\d０-９,，]+|\s[—/\-无])(\s+[\d０-９,，]+|\s+[—/\-无]){6}\s*$/;

/** True when the row's label starts on page p and its seven numbers are printed at the top of page p+1. */
function rowSplitsAcrossPages(pdf: string, labelStart: string, nextLabel: string): boolean {
  const pages = pageTexts(pdf);
  const p = pages.findIndex((t) => t.includes(labelStart));
  const here = pages[p];
  const there = pages[p + 1];
  if (p < 0 || here === undefined || there === undefined) return false;
  const tail = here.slice(here.indexOf(labelStart)).split("\n");
  const head = there.slice(0, Math.max(0, there.indexOf(nextLabel))).split("\n");
  return (
    !there.includes(labelStart) && !tail.some((l) => NUMBERS_LINE.test(l)) && head.some((l) => NUMBERS_LINE.test(l))
  );
}

function generate(spec: SampleSpec): Truth {
  const values: Values = makeValues(spec.values);
  const printed = printValues(values, spec.print);
  const built = buildNarrative(spec.agency, spec.year, values, spec.narrative);
  const doc = spec.customDoc?.(built.doc) ?? built.doc;
  const pdf = join(SAMPLES, `${spec.stem}.pdf`);
  if (spec.splitRow === undefined) {
    render(spec, doc, printed, pdf, 0);
  } else {
    const i = S3_ROWS.findIndex((r) => r.key === spec.splitRow);
    const label = S3_ROWS[i]?.label.slice(0, 5) ?? "";
    const next = S3_ROWS[i + 1]?.label.slice(0, 4) ?? "";
    let spacer = 0;
    for (; spacer <= 40; spacer++) {
      render(spec, doc, printed, pdf, spacer);
      if (rowSplitsAcrossPages(pdf, label, next)) break;
    }
    if (spacer > 40) throw new Error(`Expected a spacer that splits row ${spec.splitRow} of ${spec.stem}, found none`);
    console.log(`${spec.stem}: row ${spec.splitRow} splits across pages with ${spacer} spacer paragraphs`);
  }
  if (spec.garbleFont !== undefined) {
    const fonts = garbleFont(pdf, spec.garbleFont);
    if (fonts === 0) throw new Error(`Expected fonts matching ${spec.garbleFont} in ${spec.stem}.pdf, found none`);
  }
  const ocr = puaPages(pdf);
  if (spec.garbleFont !== undefined && ocr.length === 0) throw new Error(`Expected garbled pages in ${spec.stem}`);
  const truth = buildTruth(spec, values, blankPaths(values, printed), built.claims, ocr);
  writeFileSync(join(SAMPLES, `${spec.stem}.truth.json`), `${JSON.stringify(truth, null, 2)}\n`);
  return truth;
}

function main(): void {
  const only = process.argv.slice(2);
  rmSync(WORK_DIR, { recursive: true, force: true });
  mkdirSync(WORK_DIR, { recursive: true });
  mkdirSync(SAMPLES, { recursive: true });
  const results: { spec: SampleSpec; truth: Truth }[] = [];
  for (const spec of SAMPLE_SPECS) {
    if (only.length > 0 && !only.includes(spec.stem)) continue;
    const truth = generate(spec);
    results.push({ spec, truth });
    console.log(`${spec.stem}: ${truth.status}, ${truth.flags.length} flags, ${truth.blank.length} blank`);
  }
  if (only.length === 0) writeReadme(join(SAMPLES, "README.md"), results);
}

main();
