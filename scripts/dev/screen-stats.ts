import { basename } from "node:path";
import { screened } from "../../src/stages/ocr/descreen.js";
import { binarize, flattenBackground, otsuThreshold } from "../../src/stages/ocr/index.js";
import { pageImages } from "./page-images.js";

/** Dev: ink run statistics of each page (`screen-stats.ts <files>`), to tell screened or dithered scans. */
for (const file of process.argv.slice(2)) {
  const images = await pageImages(file);
  const out: string[] = [];
  for (const image of images) {
    const flat = flattenBackground(image.image);
    const level = Math.min(190, Math.max(110, otsuThreshold(flat)));
    const { width, height, data } = binarize(flat, level);
    let runs = 0;
    let ones = 0;
    let ink = 0;
    for (let y = 0; y < height; y++) {
      let run = 0;
      for (let x = 0; x <= width; x++) {
        const on = x < width && data[y * width + x] === 1;
        if (on) {
          run++;
          ink++;
        } else if (run > 0) {
          runs++;
          if (run === 1) ones++;
          run = 0;
        }
      }
    }
    out.push(
      `${screened(flat, level, image.scale) ? "SCREENED " : ""}ink ${(ink / (width * height)).toFixed(3)} run ${(ink / Math.max(1, runs) / image.scale).toFixed(2)}pt ones ${(ones / Math.max(1, runs)).toFixed(2)}`,
    );
  }
  console.log(basename(file).slice(0, 40).padEnd(40), out.join(" | "));
}
