// Samples printed by headless Chromium instead of LibreOffice (see samples-chromium.ts).
import type { SampleSpec } from "./samples-truth.js";

export const CHROMIUM_SAMPLE_SPECS: SampleSpec[] = [
  {
    stem: "chromium-ruled-2023",
    agency: "厦门市人民政府门户网站管理中心",
    year: 2023,
    exercises:
      "Chromium (Skia) PDF: 人民/门/长 come out as Kangxi and CJK-radical code points; fully ruled tables, serif, blank and — zeros",
    values: { seed: 1717, applications: 64, disputes: 3 },
    print: { seed: 17, zeros: ["0", "", "—"] },
    narrative: { seed: 17, claims: "table" },
    render: {
      kind: "html",
      options: { font: "Noto Serif CJK SC", rules: "all", numberAlign: "center", engine: "chromium" },
    },
  },
  {
    stem: "chromium-unruled-2024",
    agency: "长沙市民政局",
    year: 2024,
    exercises:
      "Chromium (Skia) PDF with no table rules at all, right-aligned numbers, blank zeros; columns from header words and number alignment",
    values: { seed: 1818, applications: 120, disputes: 6 },
    print: { seed: 18, zeros: ["0", ""] },
    narrative: { seed: 18, claims: "table" },
    render: {
      kind: "html",
      options: { font: "Noto Sans CJK SC", rules: "none", numberAlign: "right", engine: "chromium" },
    },
  },
];
