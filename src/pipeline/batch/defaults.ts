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
/**
 * Bytes per input: a report PDF is well under 50 MiB, a long scanned one rarely over 100 MiB. A larger input
 * fails as `too_large` without being read (a 3 GiB sparse file is not read whole).
 */
export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;
