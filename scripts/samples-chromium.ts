// Prints an HTML sample to PDF with headless Debian Chromium: a second real layout engine whose PDF
// writer (Skia) emits CJK text with Kangxi / CJK-radical code points for shared glyphs (⼈⺠ for 人民).
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { WORK_DIR } from "./samples-pdf.js";

export function printWithChromium(input: string, pdfPath: string): void {
  const profile = join(WORK_DIR, "chromium-profile");
  mkdirSync(profile, { recursive: true });
  execFileSync(
    "chromium",
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      `--user-data-dir=${profile}`,
      "--no-pdf-header-footer",
      `--print-to-pdf=${pdfPath}`,
      pathToFileURL(input).href,
    ],
    { stdio: "pipe", timeout: 120_000 },
  );
}
