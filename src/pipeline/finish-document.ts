import type { Issue } from "../model/issue.js";
import type { LayoutBlock } from "../model/layout.js";
import type { ReportOutput } from "../model/report.js";
import { type Done, done } from "../model/result.js";
import { type MappedReport, mapDocument } from "../stages/mapping/index.js";
import { buildOutput, decideStatusFor, reportMeta } from "../stages/output/index.js";
import { findSuspectCells, markSuspectFlags, readLegacyFacts } from "../stages/rules/index.js";
import { selectTemplate } from "../templates/index.js";
import { checkRules } from "./check-rules.js";
import type { DocumentSource } from "./document-result.js";
import type { Located, Locator } from "./locators.js";

/** A document mapped onto its template, its cells and narrative located by its front end's locator. */
export interface LocatedReport extends Located {
  readonly mapped: MappedReport;
  readonly locator: Locator;
  /** Mapping's issues, then those of the facts a `facts` template reads from the narrative. */
  readonly issues: readonly Issue[];
}

/**
 * Mapping of laid-out pages (or a document's blocks on the frame of its front end) onto the template the layout
 * shows; a `facts` template's facts the 统计表 lacks read from the narrative; everything located by `locator`.
 */
export function mapAndLocate(pages: readonly (readonly LayoutBlock[])[], locator: Locator): LocatedReport {
  const mapped = mapDocument(pages, selectTemplate);
  const facts = readLegacyFacts(mapped.template, mapped.narrative, mapped.cells);
  const { cells, narrative } = locator.locate(facts.value, mapped.narrative);
  return { mapped, locator, cells, narrative, issues: [...mapped.issues, ...facts.issues] };
}

/** What a front end adds to a located report for its output. */
export interface DocumentParts {
  readonly source: DocumentSource;
  /** The output's `source.pages`: null for a document without pages. */
  readonly pageCount: number | null;
  readonly pages: ReportOutput["pages"];
  /** Every issue so far: the front end's, the located report's, the layout's. */
  readonly issues: readonly Issue[];
  /** Some of it was read by OCR: the rules double as a checksum that names likely misread cells. */
  readonly ocr: boolean;
}

/**
 * The common end of every front end: the rules (on OCR'd input also as a checksum: a failure a likely misread
 * explains becomes an uncertain reading, the value kept as printed), the status and the output.
 */
export function finishDocument(report: LocatedReport, parts: DocumentParts): Done<ReportOutput> {
  const { mapped, cells, narrative } = report;
  const template = mapped.template;
  const ruleInput = {
    template,
    detectedVersion: mapped.detectedVersion,
    layoutVersions: mapped.layoutVersions,
    agency: mapped.agency,
    year: mapped.year,
    cells,
    narrative,
    // Narrative lines of a document without pages are on its layout's frame: flags cite no page for them.
    ...(report.locator.kind === "path" ? { pageless: true } : {}),
  };
  const checked = checkRules(ruleInput, parts.ocr ? (found) => findSuspectCells(ruleInput, found) : undefined);
  const issues = [...parts.issues, ...checked.issues];
  const output = buildOutput(
    {
      ...parts.source,
      pageCount: parts.pageCount,
      meta: reportMeta(mapped),
      status: decideStatusFor(template, cells, issues, mapped.title !== null),
      cells,
      flags: markSuspectFlags(checked.value, issues, template),
      issues,
      pages: parts.pages,
    },
    template,
  );
  return done(output);
}
