/**
 * How the markup path scales with a table's rows (issue 13): a web page of one table of N rows (a row label
 * and two numbers each), read past the document's table-size guard (`checkTableSize`, which refuses such a page
 * as too_large before mapping), through each stage: HTML → blocks, blocks → layout, layout → row records
 * (`buildRecords`, whose `gridRecords` once filtered every cell per row), and the whole mapping
 * (`mapDocument`, records included). Milliseconds by the wall clock; prints, asserts nothing.
 * Run: npx tsx scripts/bench-markup-rows.ts [rows …]   (default 5000 10000 20000 40000)
 */

import { buildRecords } from "../src/stages/mapping/build-records.js";
import { mapDocument } from "../src/stages/mapping/index.js";
import { htmlBlocks, toLayout } from "../src/stages/markup/index.js";
import { selectTemplate } from "../src/templates/index.js";

const counts = process.argv.slice(2).map(Number);
const ROW = "<tr><td>一、本年新收政府信息公开申请数量</td><td>1</td><td>2</td></tr>";

console.log("rows\thtml ms\tlayout ms\trecords ms\tmapping ms");
for (const rows of counts.length > 0 ? counts : [5000, 10000, 20000, 40000]) {
  const html = `<html><body><table>${ROW.repeat(rows)}</table></body></html>`;
  const t0 = performance.now();
  const blocks = htmlBlocks(html);
  const t1 = performance.now();
  const layout = toLayout(blocks);
  const t2 = performance.now();
  const records = buildRecords([layout.blocks]);
  const t3 = performance.now();
  mapDocument([layout.blocks], selectTemplate);
  const t4 = performance.now();
  if (records.length !== rows) throw new Error(`Expected ${rows} records, got ${records.length}`);
  const ms = (a: number, b: number) => Math.round(b - a);
  console.log([rows, ms(t0, t1), ms(t1, t2), ms(t2, t3), ms(t3, t4)].join("\t"));
}
