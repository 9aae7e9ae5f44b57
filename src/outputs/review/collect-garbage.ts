/**
 * A full garbage collection when the process exposes one (the render process is started with `--expose-gc`);
 * nothing otherwise. Called after each page drawn: pdf.js's glyph outlines and the canvases are native Skia
 * objects whose size V8 does not see, so without it they pile up page after page (+5 MiB a page of text).
 */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
