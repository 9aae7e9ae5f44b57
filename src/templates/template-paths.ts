import type { CellPath } from "../model/template-paths.js";
import type { TemplateDef } from "./template-def.js";

/** Every value path of a template in printed order: section 二 items, 三 rows × columns (derived rows last), 四 groups. */
export function listCellPaths(template: TemplateDef): CellPath[] {
  const paths: CellPath[] = [];
  for (const item of template.s2Items) {
    for (const field of item.fields) {
      paths.push({
        path: `${template.s2Section}.${item.key}.${field.key}`,
        section: template.s2Section,
        row: item.key,
        column: field.key,
        kind: field.kind,
      });
    }
  }
  for (const row of template.s3Rows) {
    for (const column of template.s3Columns) {
      paths.push({
        path: `s3.${row.key}.${column.key}`,
        section: "s3",
        row: row.key,
        column: column.key,
        kind: "count",
      });
    }
  }
  for (const row of template.s3Derived ?? []) {
    for (const column of template.s3Columns) {
      paths.push({
        path: `s3.${row.key}.${column.key}`,
        section: "s3",
        row: row.key,
        column: column.key,
        kind: "count",
        derived: true,
      });
    }
  }
  for (const group of template.s4Groups) {
    for (const field of group.fields) {
      paths.push({
        path: `s4.${group.key}.${field.key}`,
        section: "s4",
        row: group.key,
        column: field.key,
        kind: "count",
      });
    }
  }
  for (const fact of template.legacyKeys ?? []) {
    const [row = "", column = ""] = fact.key.split(".");
    paths.push({ path: `legacy.${fact.key}`, section: "legacy", row, column, kind: fact.kind });
  }
  for (const fact of template.legacyKeys ?? []) {
    if (fact.v2021 === undefined) continue;
    const [section, row = "", column = ""] = fact.v2021.split(".");
    paths.push({ path: fact.v2021, section: section === "s4" ? "s4" : "s3", row, column, kind: fact.kind });
  }
  return paths;
}
