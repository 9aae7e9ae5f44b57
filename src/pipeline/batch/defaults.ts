/** Defaults of the batch limits (also printed in the CLI usage). */
/** Seconds per document: a born-digital report takes under 1 s, a scan a few seconds per page (OCR). */
export const DEFAULT_TIMEOUT_SECONDS = 600;
export const DEFAULT_MAX_PAGES = 1000;
/**
 * MiB per document process: born-digital reports take 100–300 MiB; a scan adds page images and the process's
 * PP-OCRv4 sessions (see `npm run bench` for the 50-page scan peak), so the cap leaves room for those.
 */
export const DEFAULT_MAX_MEMORY_MB = 2048;
/** Documents per process before it is replaced. */
export const DEFAULT_RECYCLE_AFTER = 100;
