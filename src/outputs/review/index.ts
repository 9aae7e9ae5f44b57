export { buildReviewSite, type ReviewOptions, type ReviewSite } from "./build-site.js";
export { locateSource, type SourceLocation } from "./locate-source.js";
export type { PageImage } from "./render-pages.js";
