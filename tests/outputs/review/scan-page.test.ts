import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPdfLayout } from "../../../src/outputs/review/pdf-scan-pages.js";
import { renderOfdPages } from "../../../src/outputs/review/render-ofd-pages.js";
import type { PageImage } from "../../../src/outputs/review/render-pages.js";
import { renderPdfPages } from "../../../src/outputs/review/render-pages.js";
import { RenderProcess } from "../../../src/outputs/review/render-process.js";
import { scanPagePicture } from "../../../src/outputs/review/scan-page.js";
import { type Picture, shrinkPicture } from "../../../src/outputs/review/shrink-picture.js";
import { withPdfDocument } from "../../../src/stages/ingest/index.js";
import { openOfd, renderOfdPage } from "../../../src/stages/ofd/index.js";

// A JPEG scan page of a PDF is its JPEG, passed through (pdf-scan-pages.ts); another scan page is drawn from its
// picture straight at the review's size (scan-page.ts), never through a canvas the size of the picture; the
// render process runs with the V8 and malloc settings that keep its memory down.
const ROOT = join(import.meta.dirname, "../../..");
const SCAN = join(ROOT, "samples/scanned/scan-arith-errors-200-jpeg.pdf");
const TEXT = join(ROOT, "samples/arith-errors-2023.pdf");
const MIXED = join(ROOT, "samples/scanned/scan-mixed-wrapped-labels.pdf");
const OFD = join(ROOT, "samples/ofd/ofd-plain-arith-errors-2023.ofd");
const OFD_SCAN = join(ROOT, "samples/ofd/ofd-scan-page-2023.ofd");
const SCALE = 1.5;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "gongkai-scan-page-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("scanPagePicture", () => {
  it("gives a scan page's one picture, at its own resolution, placed over the whole review image", async () => {
    const placements = await withPdfDocument(new Uint8Array(await readFile(SCAN)), async (doc) => {
      const found = [];
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        const viewport = page.getViewport({ scale: SCALE });
        const placement = await scanPagePicture(page, viewport);
        found.push(
          placement && { ...placement, picture: { width: placement.picture.width, kind: placement.picture.kind } },
        );
      }
      return found;
    });
    expect(placements).toHaveLength(4);
    for (const placement of placements) {
      expect(placement).not.toBeNull();
      expect(placement?.picture.width).toBe(1684);
      expect(placement?.x).toBeCloseTo(0, 3);
      expect(placement?.width).toBeCloseTo(595.28 * SCALE, 0);
      // 1684 × 2361 pixels is a little shorter than A4: placed where the page's matrix puts it, inside the page.
      expect(placement?.y).toBeGreaterThanOrEqual(0);
      expect((placement?.y ?? 0) + (placement?.height ?? 0)).toBeLessThanOrEqual(841.89 * SCALE + 0.01);
      expect(placement?.height).toBeGreaterThan(841.89 * SCALE * 0.95);
    }
  });

  it("leaves a page of text to pdf.js", async () => {
    const placement = await withPdfDocument(new Uint8Array(await readFile(TEXT)), async (doc) => {
      const page = await doc.getPage(1);
      return scanPagePicture(page, page.getViewport({ scale: SCALE }));
    });
    expect(placement).toBeNull();
  });
});

describe("shrinkPicture", () => {
  const rgb = (values: number[]): Picture => ({ width: 4, height: 2, kind: 2, data: new Uint8Array(values) });
  it.each([
    {
      name: "RGB, 4 × 2 to 2 × 1: each pixel the mean of the four it covers",
      picture: rgb([0, 0, 0, 255, 255, 255, 10, 20, 30, 10, 20, 30, 0, 0, 0, 255, 255, 255, 10, 20, 30, 10, 20, 30]),
      expected: [128, 128, 128, 255, 10, 20, 30, 255],
    },
    {
      name: "1 bit per pixel, a set bit white: 0b1100_0000 over 4 pixels",
      picture: { width: 4, height: 2, kind: 1, data: new Uint8Array([0b11000000, 0b11000000]) } as Picture,
      expected: [255, 255, 255, 255, 0, 0, 0, 255],
    },
    {
      name: "RGBA over white: transparent black stays white, half-transparent black is mid gray",
      picture: {
        width: 2,
        height: 1,
        kind: 3,
        data: new Uint8Array([0, 0, 0, 0, 0, 0, 0, 128]),
      } as Picture,
      expected: [255, 255, 255, 255, 127, 127, 127, 255],
    },
  ])("$name", ({ picture, expected }) => {
    const out = new Uint8ClampedArray(2 * 1 * 4).fill(255);
    shrinkPicture(picture, out, 2, 1, { x: 0, y: 0, width: 2, height: 1 });
    expect([...out]).toEqual(expected);
  });
});

describe("readPdfLayout", () => {
  it("gives a JPEG scan page's JPEG as stored, placed where pdf.js draws it, and the page size pdf.js gives", async () => {
    const bytes = new Uint8Array(await readFile(SCAN));
    const layout = readPdfLayout(bytes);
    const byPdfjs = await withPdfDocument(bytes, async (doc) => {
      const found = [];
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        const viewport = page.getViewport({ scale: 1 });
        found.push({
          width: viewport.width,
          height: viewport.height,
          placement: await scanPagePicture(page, viewport),
        });
      }
      return found;
    });
    expect(layout).toHaveLength(4);
    for (const [i, page] of (layout ?? []).entries()) {
      const pdfjs = byPdfjs[i];
      expect(page.width).toBeCloseTo(pdfjs?.width ?? 0, 3);
      expect(page.height).toBeCloseTo(pdfjs?.height ?? 0, 3);
      expect(page.text).toBe(false);
      expect(page.jpeg).not.toBeNull();
      // A JPEG file (SOI marker) as long as the page's picture stream, at pdf.js's place.
      expect([page.jpeg?.bytes[0], page.jpeg?.bytes[1]]).toEqual([0xff, 0xd8]);
      expect(page.jpeg?.x).toBeCloseTo(pdfjs?.placement?.x ?? -1, 3);
      expect(page.jpeg?.y).toBeCloseTo(pdfjs?.placement?.y ?? -1, 3);
      expect(page.jpeg?.width).toBeCloseTo(pdfjs?.placement?.width ?? -1, 3);
      expect(page.jpeg?.height).toBeCloseTo(pdfjs?.placement?.height ?? -1, 3);
    }
  });

  it("leaves pages of text, and a PDF mixing text and scan pages, to pdf.js for the text pages", async () => {
    const text = readPdfLayout(new Uint8Array(await readFile(TEXT)));
    expect(text?.map((p) => [p.jpeg, p.text])).toEqual([
      [null, true],
      [null, true],
      [null, true],
      [null, true],
    ]);
    const mixed = readPdfLayout(new Uint8Array(await readFile(MIXED)));
    expect(mixed?.map((p) => p.jpeg !== null)).toEqual([false, false, true, true]);
  });

  it("gives null for a document it does not read (pdf.js reads it then)", () => {
    expect(readPdfLayout(new TextEncoder().encode("%PDF-1.4\nnot a PDF\n"))).toBeNull();
  });
});

describe("the render process", () => {
  it("runs with a 1 MiB semi-space and two malloc arenas, and shows a JPEG scan as pdf.js draws it", async () => {
    const renderer = new RenderProcess();
    const outDir = join(dir, "scan");
    let pages: Awaited<ReturnType<RenderProcess["pages"]>>;
    let maps: string[] = [];
    try {
      const rendering = renderer.pages({ kind: "pdf", path: SCAN, outDir, scale: SCALE });
      const children = await renderProcesses();
      expect(children.length).toBeGreaterThan(0);
      for (const child of children) {
        expect(child.command).toContain("--max-semi-space-size=1");
        expect(child.environment).toContain("MALLOC_ARENA_MAX=2");
      }
      pages = await rendering;
      maps = await Promise.all(children.map((child) => readFile(`/proc/${child.pid}/maps`, "utf8").catch(() => "")));
    } finally {
      await renderer.close();
    }
    expect(pages).toHaveLength(4);
    // Its JPEGs as the PDF stores them: neither pdf.js's decoder nor the canvas (Skia) was loaded to show them.
    expect(pages.map((p) => p.image)).toEqual(["p1.jpg", "p2.jpg", "p3.jpg", "p4.jpg"]);
    expect(maps.join("")).toMatch(/node/);
    expect(maps.join("")).not.toMatch(/skia/i);
    const page2 = pages[1] as (typeof pages)[number];
    const byPdfjs = await withPdfDocument(new Uint8Array(await readFile(SCAN)), async (doc) => {
      const page = await doc.getPage(2);
      const viewport = page.getViewport({ scale: SCALE });
      const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
      await page.render({ canvas: canvas as never, canvasContext: canvas.getContext("2d") as never, viewport }).promise;
      return gray(canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data);
    });
    // As the page shows it: the JPEG scaled into its rectangle of the page, white around it.
    const shown = await placedPixels(join(outDir, "p2.jpg"), page2);
    expect(shown.length).toBe(byPdfjs.length);
    // The same picture in the same place; only the filter that scales it down differs.
    let diff = 0;
    for (let i = 0; i < shown.length; i++) diff += Math.abs((shown[i] as number) - (byPdfjs[i] as number));
    expect(diff / shown.length).toBeLessThan(12);
  });
});

describe("an OFD's scan page", () => {
  it("is its JPEG as the package stores it, placed where the page paints it, as the OFD renderer draws it", async () => {
    const bytes = new Uint8Array(await readFile(OFD_SCAN));
    const pages = await renderOfdPages(bytes, join(dir, "ofd-scan"), SCALE);
    expect(pages.map((p) => p.image)).toEqual(["p1.png", "p2.png", "p3.jpg", "p4.png"]);
    const scan = pages[2] as PageImage;
    expect(scan.picture).toBeDefined();
    const file = openOfd(bytes);
    const raster = await renderOfdPage(file, file.page(3), SCALE);
    const shown = await placedPixels(join(dir, "ofd-scan", "p3.jpg"), scan);
    expect(shown.length).toBe(raster.width * raster.height);
    let diff = 0;
    for (let i = 0; i < shown.length; i++) diff += Math.abs((shown[i] as number) - (raster.data[i * 4] as number));
    expect(diff / shown.length).toBeLessThan(12);
  });
});

describe("the render process's fonts", () => {
  it("scans the system fonts on the first text drawn: pages come out as when the canvas scans them on load", async () => {
    const renderer = new RenderProcess();
    const sources = [
      { kind: "ofd" as const, path: OFD, name: "ofd" },
      { kind: "pdf" as const, path: TEXT, name: "pdf" },
    ];
    try {
      for (const source of sources) {
        await renderer.pages({
          kind: source.kind,
          path: source.path,
          outDir: join(dir, `lazy-${source.name}`),
          scale: SCALE,
        });
      }
    } finally {
      await renderer.close();
    }
    // Here (vitest's process) the canvas scanned the fonts when it loaded.
    const bytes = async (path: string) => new Uint8Array(await readFile(path));
    await renderOfdPages(await bytes(OFD), join(dir, "eager-ofd"), SCALE);
    await renderPdfPages(await bytes(TEXT), join(dir, "eager-pdf"), SCALE);
    for (const source of sources) {
      const names = (await readdir(join(dir, `eager-${source.name}`))).sort();
      expect(names.length).toBeGreaterThan(1);
      expect((await readdir(join(dir, `lazy-${source.name}`))).sort()).toEqual(names);
      for (const name of names) {
        const lazy = await filePixels(join(dir, `lazy-${source.name}`, name));
        const eager = await filePixels(join(dir, `eager-${source.name}`, name));
        expect(lazy.equals(eager)).toBe(true);
      }
    }
  });
});

/** The render processes among this process's children: command line and environment (from /proc). */
async function renderProcesses(): Promise<{ pid: number; command: string[]; environment: string[] }[]> {
  const found: { pid: number; command: string[]; environment: string[] }[] = [];
  for (let attempt = 0; attempt < 50 && found.length === 0; attempt++) {
    for (const name of await readdir("/proc")) {
      if (!/^\d+$/.test(name)) continue;
      const stat = await readFile(`/proc/${name}/stat`, "utf8").catch(() => "");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) !== process.pid) continue;
      const command = (await readFile(`/proc/${name}/cmdline`, "utf8").catch(() => "")).split("\0");
      if (!command.some((arg) => arg.includes("render-entry"))) continue;
      const environment = (await readFile(`/proc/${name}/environ`, "utf8").catch(() => "")).split("\0");
      found.push({ pid: Number(name), command, environment });
    }
    if (found.length === 0) await new Promise((done) => setTimeout(done, 20));
  }
  return found;
}

/** The page as the report page shows it at `SCALE`: white, with the image drawn into its rectangle. */
async function placedPixels(path: string, page: PageImage): Promise<number[]> {
  const image = await loadImage(path);
  const canvas = createCanvas(Math.ceil(page.width * SCALE), Math.ceil(page.height * SCALE));
  const context = canvas.getContext("2d");
  context.fillStyle = "#fff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  const to = page.picture ?? { x: 0, y: 0, width: page.width, height: page.height };
  context.drawImage(image, to.x * SCALE, to.y * SCALE, to.width * SCALE, to.height * SCALE);
  return gray(context.getImageData(0, 0, canvas.width, canvas.height).data);
}

/** An image file's RGBA pixels. */
async function filePixels(path: string): Promise<Buffer> {
  if (!path.endsWith(".png")) return readFile(path);
  const image = await loadImage(path);
  const canvas = createCanvas(image.width, image.height);
  canvas.getContext("2d").drawImage(image, 0, 0);
  return Buffer.from(canvas.getContext("2d").getImageData(0, 0, image.width, image.height).data);
}

function gray(rgba: Uint8ClampedArray): number[] {
  const out: number[] = [];
  for (let i = 0; i < rgba.length; i += 4) out.push(rgba[i] as number);
  return out;
}
