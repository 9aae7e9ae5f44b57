import { basename } from "node:path";
import { flattenBackground, otsuThreshold } from "../../src/stages/ocr/index.js";
import { pageImages } from "./page-images.js";

/** Dev: how dark a page's ink is (`ink-stats.ts <files>`): Otsu level and dark percentiles of the flattened page. */
for (const file of process.argv.slice(2)) {
  const out: string[] = [];
  for (const image of await pageImages(file)) {
    const flat = flattenBackground(image.image);
    const otsu = otsuThreshold(flat);
    const hist = new Float64Array(256);
    for (const v of flat.data) hist[v] = (hist[v] ?? 0) + 1;
    const n = flat.data.length;
    const pct = (p: number) => {
      let c = 0;
      for (let v = 0; v < 256; v++) {
        c += hist[v] as number;
        if (c >= p * n) return v;
      }
      return 255;
    };
    let inkN = 0;
    let inkSum = 0;
    for (let v = 0; v <= otsu; v++) {
      inkN += hist[v] as number;
      inkSum += v * (hist[v] as number);
    }
    out.push(
      `o${otsu} p.2=${pct(0.002)} p1=${pct(0.01)} ink=${(inkSum / Math.max(1, inkN)).toFixed(0)}/${((100 * inkN) / n).toFixed(1)}%`,
    );
  }
  console.log(basename(file).slice(0, 36).padEnd(36), out.join(" | "));
}
