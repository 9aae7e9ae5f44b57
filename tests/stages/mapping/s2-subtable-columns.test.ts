import { describe, expect, it } from "vitest";
import type { TextItem } from "../../../src/model/page-content.js";
import { mapTables } from "../../../src/stages/mapping/map-tables.js";
import type { RowRecord } from "../../../src/stages/mapping/row-record.js";
import { v2019 } from "../../../src/templates/index.js";
import { textItem } from "./record-builder.js";

// Two unruled 2019 section 二 sub-tables of one column layout (上一年项目数量 / 本年增/减 / 处理决定数量), each laid
// out on its own (as LibreOffice sizes each table by its content): （五）'s columns at 300 / 410 / 510, （六）'s at
// 236 / 370 / 495. Each row goes by its own table's header; by the layout's first header found, （五）'s rows took
// （六）'s columns: 26 read as 本年增/减, "-1 241" as one value (7 cells wrong in a LibreOffice PDF).
function line(y: number, label: string, values: readonly [number, string][], items?: TextItem[]): RowRecord {
  return {
    page: 1,
    box: [80, y, 560, y + 12],
    label,
    labelBox: label === "" ? null : [80, y, 200, y + 12],
    // Values set left-aligned from x, 8 pt a character (as the tables' cells align them).
    slots: values.map(([x, raw]) => ({ raw, box: [x, y, x + 8 * raw.length, y + 12], page: 1 })),
    ruled: false,
    gridId: -1,
    firstOfGrid: false,
    lastOfGrid: false,
    text: items ? items.map((i) => i.text).join("") : [label, ...values.map(([, raw]) => raw)].join(" "),
    items: items ?? [textItem(label, 80, y, 200, 12)],
  };
}

function header(y: number, xs: readonly number[]): RowRecord {
  const words = ["上一年项目数量", "本年增/减", "处理决定数量"];
  const items = [
    textItem("信息内容", 110, y, 160, 12),
    ...words.map((w, i) => textItem(w, (xs[i] as number) - 40, y, (xs[i] as number) + 40, 12)),
  ];
  return line(y, "", [], items);
}

describe("section 二 sub-tables of one layout, each with its own columns", () => {
  it("places each row by its own table's header", () => {
    const five = [300, 410, 510];
    const six = [236, 370, 495];
    const records = [
      line(100, "二、主动公开政府信息情况", []),
      line(120, "第二十条第（五）项", []),
      header(140, five),
      line(
        160,
        "行政许可",
        five.map((x, i) => [x - 20, ["26", "-1", "241"][i] as string]),
      ),
      line(
        180,
        "其他对外管理服务事项",
        five.map((x, i) => [x - 20, ["37", "-3", "545"][i] as string]),
      ),
      line(200, "第二十条第（六）项", []),
      header(220, six),
      line(
        240,
        "行政处罚",
        six.map((x, i) => [x - 20, ["24", "-1", "58"][i] as string]),
      ),
      line(
        260,
        "行政强制",
        six.map((x, i) => [x - 20, ["13", "-3", "67"][i] as string]),
      ),
      line(300, "三、收到和处理政府信息公开申请情况", []),
    ];
    const { cells } = mapTables(records, v2019);
    const read = (item: string) =>
      ["prev_year_items", "delta", "decisions"].map((f) => cells.get(`s2v19.${item}.${f}`)?.value ?? null);
    expect(read("admin_license")).toEqual([26, -1, 241]);
    expect(read("other_services")).toEqual([37, -3, 545]);
    expect(read("admin_penalty")).toEqual([24, -1, 58]);
    expect(read("admin_coercion")).toEqual([13, -3, 67]);
  });
});
