import type { Cell } from "../../model/cell.js";
import type { Flag, Message, Severity } from "../../model/flag.js";
import type { Box } from "../../model/geometry.js";
import type { CrossFlag, ExtractedReport } from "../extracted/index.js";
import { cellLabel, pathLabel } from "./cell-label.js";
import type { PageImage } from "./render-pages.js";

/** A cell a flag cites; `here` is false for a cross-report flag's cell in another report. */
export interface ReviewFlagCell {
  readonly file: string;
  readonly path: string;
  /** The path in the template's words (三、（一）予以公开 · 自然人). */
  readonly label: string;
  readonly value: number | null;
  readonly page: number | null;
  readonly bbox: Box | null;
  readonly here: boolean;
}

export interface ReviewFlag {
  readonly scope: "report" | "cross";
  readonly rule: string;
  readonly severity: Severity;
  readonly path: string;
  readonly pathLabel: string;
  readonly expected: number | null;
  readonly actual: number | null;
  readonly message: Message;
  /** SPEC §4: an arithmetic rule failing among uncertain OCR readings (a warning, the reading may be wrong). */
  readonly uncertain_reading: boolean;
  readonly cells: readonly ReviewFlagCell[];
}

/** Everything one report page shows; also embedded in the page as JSON for its script. */
export interface ReviewReport {
  readonly file: string;
  readonly slug: string;
  readonly sha256: string;
  readonly sourceFile: string;
  readonly agency: string | null;
  readonly year: number | null;
  readonly template: string;
  readonly title: string | null;
  readonly status: string;
  readonly pages: readonly PageImage[];
  /** Why there are no page images, when there are none. */
  readonly imagesMissing: string | null;
  /** The cells as extracted (printed values); `reviewed` says which a reviewer corrected or checked. */
  readonly cells: Readonly<Record<string, Cell>>;
  readonly reviewed: Readonly<Record<string, ReviewedCell>>;
  /** Own flags after the corrections (as `gongkai export` computes them), then the cross-report flags. */
  readonly flags: readonly ReviewFlag[];
  readonly issues: readonly { readonly code: string; readonly severity: string; readonly message: string }[];
}

/** A cell named in corrections.jsonl: corrected to `value`, or its printed value confirmed (`checked`). */
export interface ReviewedCell {
  readonly checked: boolean;
  readonly printed: number | null;
  readonly value: number | null;
  readonly who: string;
  readonly why: string;
  readonly when: string;
}

/** A report's own flags (`ownFlags`: the output's, or those after corrections), then the cross-report flags naming it. */
export function collectReviewFlags(
  report: ExtractedReport,
  ownFlags: readonly Flag[],
  crossFlags: readonly CrossFlag[],
): ReviewFlag[] {
  const own: ReviewFlag[] = ownFlags.map((flag) => ({
    scope: "report",
    rule: flag.rule,
    severity: flag.severity,
    path: flag.path,
    pathLabel: pathLabel(flag.path),
    expected: flag.expected,
    actual: flag.actual,
    message: flag.message,
    uncertain_reading: flag.uncertain_reading === true,
    cells: flag.cells.map((c) => ({ ...c, label: cellLabel(c.path), file: report.file, here: true })),
  }));
  const cross: ReviewFlag[] = crossFlags
    .filter((flag) => flag.files.includes(report.file))
    .map((flag) => ({
      scope: "cross",
      rule: flag.rule,
      severity: flag.severity,
      path: flag.path,
      pathLabel: pathLabel(flag.path),
      expected: flag.expected,
      actual: flag.actual,
      message: flag.message,
      uncertain_reading: false,
      cells: flag.cells.map((c) => ({ ...c, label: cellLabel(c.path), page: c.page, here: c.file === report.file })),
    }));
  return [...own, ...cross];
}
