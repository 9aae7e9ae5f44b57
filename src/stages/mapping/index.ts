import type { Cell } from "../../model/cell.js";
import { UNCERTAIN_BELOW } from "../../model/cell.js";
import { roundBox } from "../../model/geometry.js";
import type { Issue } from "../../model/issue.js";
import type { LayoutBlock } from "../../model/layout.js";
import type { NarrativeLine } from "../../model/narrative.js";
import { templateFor as registeredTemplate, type TemplateDef, type TemplateVersion } from "../../templates/index.js";
import { buildRecords } from "./build-records.js";
import { checkAgencyPlace, reviseAgency } from "./check-agency.js";
import { detectS3Layout } from "./detect-s3-layout.js";
import { detectVersion, extractMeta, type ReportMeta } from "./extract-meta.js";
import { mapLegacy } from "./map-legacy.js";
import { mapTables } from "./map-tables.js";
import type { RowRecord } from "./row-record.js";
import { ocrConfidence } from "./row-record.js";

export { deriveRows } from "./derive-rows.js";
export { matchesFingerprint, matchKeys } from "./match-fingerprint.js";
export { normalizeLabel, parseNumber, toHalfWidth } from "./normalize.js";

export interface MappedReport {
  readonly title: string | null;
  readonly agency: string | null;
  readonly year: number | null;
  /** How sure the agency and the year are (see `ReportMeta.confidence`). */
  readonly confidence: ReportMeta["confidence"];
  readonly detectedVersion: TemplateVersion;
  /** Every version whose layout the report prints: the detected one, and section 三's when it differs. */
  readonly layoutVersions: readonly TemplateVersion[];
  /** The template the cells were mapped with. */
  readonly template: TemplateDef;
  readonly cells: Map<string, Cell>;
  readonly narrative: NarrativeLine[];
  readonly issues: Issue[];
}

/** The most an OCR agency naming no known place, or holding characters no agency word spells, can be trusted. */
const UNKNOWN_PLACE = 0.6;
/**
 * An agency mended from the recogniser's second readings: right by both the image and the vocabulary, yet not
 * what the recogniser read first — kept below the threshold, so a user sees it was mended.
 */
const REVISED_AGENCY = 0.85;

/** Maps a laid-out document onto a template: metadata, table cells, and the narrative lines. */
/** Picks the template from the detected version and the layout section 三 prints (see selectTemplate). */
export type TemplateChooser = (version: TemplateVersion, section3: TemplateVersion) => TemplateDef;

export function mapDocument(
  pages: readonly (readonly LayoutBlock[])[],
  templateFor: TemplateDef | TemplateChooser,
): MappedReport {
  return mapRecords(buildRecords(pages), templateFor);
}

/**
 * Maps row records (from a PDF's layout, or from an HTML / .docx document's tables and paragraphs) onto the
 * template the layout shows: `templateFor` picks it from the detected version (a fixed template maps every
 * layout with its own keys).
 */
export function mapRecords(records: readonly RowRecord[], templateFor: TemplateDef | TemplateChooser): MappedReport {
  const read = extractMeta(records);
  // An agency read by OCR that names no known place is likely misread there (司原 for 固原): less sure, and said.
  const place =
    read.agency !== null && ((read.confidence.agency ?? 1) < 1 || read.agencyByOcr === true)
      ? checkAgencyPlace(read.agency)
      : null;
  const doubtful = place !== null && (!place.known || place.strange !== null);
  // The recogniser's second readings may mend it: only where exactly one mending spells a known agency name.
  const revision =
    doubtful && read.agency !== null
      ? reviseAgency(
          read.agency,
          records.flatMap((r) => r.items),
        )
      : null;
  const meta = revision
    ? {
        ...read,
        agency: revision.agency,
        confidence: { ...read.confidence, agency: Math.min(read.confidence.agency ?? 0, REVISED_AGENCY) },
      }
    : doubtful
      ? { ...read, confidence: { ...read.confidence, agency: Math.min(read.confidence.agency ?? 0, UNKNOWN_PLACE) } }
      : read;
  const allText = records.map((r) => r.text).join("\n");
  const detectedVersion = detectVersion(allText, meta.year);
  // A report without a fixed table has no section 三 layout to tell.
  const section3 = registeredTemplate(detectedVersion)?.layout === "facts" ? "unknown" : detectS3Layout(records);
  const template = typeof templateFor === "function" ? templateFor(detectedVersion, section3) : templateFor;
  // The layouts the report prints, for the version/year check: section 三 may follow another version.
  const layoutVersions = [
    detectedVersion,
    ...(section3 !== "unknown" && section3 !== detectedVersion ? [section3] : []),
  ];
  const tables =
    template.layout === "facts" ? mapLegacy(records, template) : mapTables(records, template, detectedVersion);
  const narrative: NarrativeLine[] = records
    .filter((r) => !r.ruled && !tables.tableRecords.has(r))
    .map((r) => {
      const line: NarrativeLine = { text: r.text, page: r.page, bbox: roundBox(r.box) };
      const ocr = ocrConfidence(r.items);
      return ocr === undefined ? line : { ...line, ocr };
    });
  const issues = [...tables.issues];
  if (revision) {
    issues.push({
      code: "meta.agency_revised",
      severity: "warning",
      stage: "mapping",
      message: `The agency was read by OCR as "${read.agency}"; ${revision.changes.map((c) => `${c.from} → ${c.to} (the recogniser's second reading, p = ${c.confidence})`).join(", ")} is the one mending that names a known place and agency: "${revision.agency}", confidence ${meta.confidence.agency}`,
    });
  } else if (place && !place.known) {
    issues.push({
      code: "meta.agency_place",
      severity: "warning",
      stage: "mapping",
      message: `The agency "${meta.agency}" read by OCR names no place of GB/T 2260${place.suggestions.length ? ` (nearest: ${place.suggestions.join(", ")})` : ""}; kept as read, confidence ${meta.confidence.agency}`,
    });
  } else if (place?.strange) {
    issues.push({
      code: "meta.agency_words",
      severity: "warning",
      stage: "mapping",
      message: `The agency "${meta.agency}" read by OCR holds "${place.strange}", which no word of an agency name spells (likely misread); kept as read, confidence ${meta.confidence.agency}`,
    });
  }
  for (const field of ["agency", "year"] as const) {
    const sure = meta.confidence[field];
    if (sure !== null && sure < UNCERTAIN_BELOW)
      issues.push({
        code: "meta.uncertain",
        severity: "warning",
        stage: "mapping",
        message: `The report's ${field} was read by OCR with confidence ${sure}, below ${UNCERTAIN_BELOW}`,
      });
  }
  if (meta.title === null) {
    issues.push({
      code: "meta.no_title",
      severity: "warning",
      stage: "mapping",
      message: "No report title with a year was found on the first lines",
    });
  }
  return { ...meta, detectedVersion, layoutVersions, template, cells: tables.cells, narrative, issues };
}
export type { RowRecord, ValueSlot } from "./row-record.js";
