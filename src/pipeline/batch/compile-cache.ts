import module from "node:module";

/**
 * Turns on Node's on-disk compile cache for the modules this process loads from now on (Node ≥ 22.1; its default
 * folder, `<tmpdir>/node-compile-cache`; `NODE_DISABLE_COMPILE_CACHE=1` turns it off). A batch starts a
 * document process per `--jobs` and per 100 documents, and each compiled pdf.js (3.5 MB of JavaScript) and
 * the pipeline from source: with the cache, loading them costs a document process ~0.07 CPU s less (0.32 → 0.25,
 * median of 10 alternating runs). Compilation only: what is computed does not depend on it.
 */
export function enableCompileCache(): void {
  (module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
}
