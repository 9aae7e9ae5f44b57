import type { Cell } from "../model/cell.js";
import type { NarrativeLine } from "../model/narrative.js";
import type { TemplateDef, TemplateVersion } from "./template-def.js";

/** What the rules engine sees of one report: its mapped cells and its running text. */
export interface RuleInput {
  /** The template the cells were mapped with. */
  readonly template: TemplateDef;
  /** The version the table headers showed (may differ from what the year implies). */
  readonly detectedVersion: TemplateVersion;
  /** Every layout version the report prints (section 三 may follow another one); `[detectedVersion]` when absent. */
  readonly layoutVersions?: readonly TemplateVersion[];
  readonly agency: string | null;
  readonly year: number | null;
  /** Every path of `listCellPaths(template)`; a cell not read has value null. */
  readonly cells: ReadonlyMap<string, Cell>;
  readonly narrative: readonly NarrativeLine[];
  /** The document has no pages (HTML, .docx): narrative lines carry a placeholder page that messages must not cite. */
  readonly pageless?: boolean;
}
