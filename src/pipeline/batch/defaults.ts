/** Defaults of the batch limits (also printed in the CLI usage). */
export const DEFAULT_TIMEOUT_SECONDS = 120;
export const DEFAULT_MAX_PAGES = 1000;
/** MiB per document process: enough for any real report (they take 100–300 MiB), far below the machine. */
export const DEFAULT_MAX_MEMORY_MB = 1024;
/** Documents per process before it is replaced. */
export const DEFAULT_RECYCLE_AFTER = 100;
