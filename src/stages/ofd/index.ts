export { decodeOfdImage, type OfdImageFormat, type OfdImageSource, sniffImageFormat } from "./image-source.js";
export { isJbig2File, jbig2FileImage } from "./jbig2-file.js";
export type {
  OfdColor,
  OfdGlyph,
  OfdImageMark,
  OfdMark,
  OfdPage,
  OfdPathMark,
  OfdTextMark,
  PathCommand,
} from "./ofd-marks.js";
export { type OfdFile, openOfd } from "./open-ofd.js";
export { type OfdPageGeometry, pageGeometry } from "./page-geometry.js";
export { type OfdRaster, renderOfdPage } from "./render-page.js";
export { PT_PER_MM } from "./walk-page.js";
