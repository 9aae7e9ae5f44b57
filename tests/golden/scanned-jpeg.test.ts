import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { afterAll, describe, expect, it } from "vitest";
import { UNCERTAIN_BELOW } from "../../src/model/cell.js";
import { extractOnce } from "../helpers/extract-once.js";
import type { Truth } from "./compare-truth.js";

/** A JPEG page image as input (a photographed or exported page): the PNG sample re-encoded as JPEG. */
const png = join(import.meta.dirname, "../../samples/scanned/scan-county-rules-png.png");
let tmp = "";
afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe("a JPEG page image as input", () => {
  it("is read like its PNG twin: identity, and every cell exact or visibly uncertain", async () => {
    tmp = await mkdtemp(join(tmpdir(), "gongkai-jpeg-"));
    const image = await loadImage(await readFile(png));
    const canvas = createCanvas(image.width, image.height);
    const context = canvas.getContext("2d");
    context.drawImage(image, 0, 0);
    const jpeg = join(tmp, "county-rules.jpg");
    await writeFile(jpeg, canvas.toBuffer("image/jpeg", 85));
    const truth = JSON.parse(await readFile(png.replace(/\.png$/, ".truth.json"), "utf8")) as Truth;
    const { output, errorClass } = await extractOnce(jpeg);
    expect(errorClass).toBeNull();
    expect(output.report.agency).toBe(truth.report.agency);
    expect(output.report.year).toBe(truth.report.year);
    expect(output.pages.every((p) => p.method === "ocr")).toBe(true);
    let cells = 0;
    let exact = 0;
    for (const [section, rows] of Object.entries(truth.values)) {
      for (const [row, columns] of Object.entries(rows)) {
        for (const [column, value] of Object.entries(columns)) {
          const cell = output.cells[`${section}.${row}.${column}`];
          cells++;
          if ((cell?.value ?? null) === value) exact++;
          else expect(cell?.confidence ?? 0).toBeLessThan(UNCERTAIN_BELOW);
        }
      }
    }
    expect(exact / cells).toBeGreaterThanOrEqual(0.995);
  });
});
