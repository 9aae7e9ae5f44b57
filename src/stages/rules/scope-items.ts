import type { TemplateDef } from "../../templates/template-def.js";

/**
 * What a `sum_equals` rule repeats over. Each key of the scope replaces its placeholder in the rule's paths:
 * `{column}` for `s3_columns`, `{row}` for `s3_rows`, `{group}` for `s4_groups`; `once` has none.
 */
export type SumScope = "once" | "s3_columns" | "s3_rows" | "s4_groups";

/** One repetition of a scoped rule: the key put in for the placeholder and its template label. */
export interface ScopeItem {
  readonly key: string;
  readonly label: string;
}

const PLACEHOLDERS: Readonly<Record<SumScope, string | null>> = {
  once: null,
  s3_columns: "{column}",
  s3_rows: "{row}",
  s4_groups: "{group}",
};

/** The items a scope repeats over, in template order; `once` has a single item with an empty key. */
export function listScopeItems(template: TemplateDef, scope: SumScope): ScopeItem[] {
  switch (scope) {
    case "once":
      return [{ key: "", label: "" }];
    case "s3_columns":
      return template.s3Columns.map(({ key, label }) => ({ key, label }));
    case "s3_rows":
      return template.s3Rows.map(({ key, label }) => ({ key, label }));
    case "s4_groups":
      return template.s4Groups.map(({ key, label }) => ({ key, label }));
  }
}

/** `text` with the scope's placeholder replaced by the item's key. */
export function fillScopePlaceholder(text: string, scope: SumScope, item: ScopeItem): string {
  const placeholder = PLACEHOLDERS[scope];
  return placeholder === null ? text : text.replaceAll(placeholder, item.key);
}

/** A message template with `{label}` and `{key}` replaced by the item's. */
export function fillSubject(text: string, item: ScopeItem): string {
  return text.replaceAll("{label}", item.label).replaceAll("{key}", item.key);
}
