import { createRequire, Module } from "node:module";

const require = createRequire(import.meta.url);

/** What pdf.js takes from @napi-rs/canvas when it loads in Node (it polyfills these two globals with them). */
interface CanvasGlobals {
  readonly DOMMatrix: new (...args: unknown[]) => object;
  readonly Path2D: new (...args: unknown[]) => object;
}

/**
 * Settings for a process whose work is reading PDFs with pdf.js (a batch's document process). Call it once,
 * before pdf.js is loaded, and call the function it returns once pdf.js is loaded. Both settings change what a
 * document costs, never what is read from it:
 *
 * - **No `DecompressionStream`.** pdf.js inflates a Flate stream longer than 16 KiB through
 *   `DecompressionStream` when the platform has one. Node's runs zlib on its thread pool behind web streams,
 *   and costs more CPU than pdf.js's own inflater, which pdf.js uses for shorter streams and whenever the
 *   stream fails; the inflated bytes are the same.
 * - **The canvas on first use.** pdf.js loads @napi-rs/canvas as it loads, for the `DOMMatrix` and `Path2D`
 *   that only drawing uses. Its native library costs ~0.12 CPU s per process, and a process that reads
 *   born-digital PDFs never draws. Until something draws, pdf.js is given stand-ins that load it when used.
 */
export function tunePdfRuntime(): () => void {
  Reflect.deleteProperty(globalThis, "DecompressionStream");
  return deferCanvas();
}

/** Puts a stand-in for @napi-rs/canvas where pdf.js's `require` finds it; the returned function removes it. */
function deferCanvas(): () => void {
  let id: string;
  try {
    id = require.resolve("@napi-rs/canvas");
  } catch {
    return () => undefined;
  }
  if (require.cache[id] !== undefined || "DOMMatrix" in globalThis || "Path2D" in globalThis) return () => undefined;
  let canvas: CanvasGlobals | null = null;
  const stub = new Module(id);
  const load = (): CanvasGlobals => {
    if (canvas === null) {
      if (require.cache[id] === stub) delete require.cache[id];
      canvas = require(id) as CanvasGlobals;
      // From now on pdf.js constructs the canvas's own classes.
      Object.assign(globalThis, { DOMMatrix: canvas.DOMMatrix, Path2D: canvas.Path2D });
    }
    return canvas;
  };
  // A constructor that returns an object makes `new` give that object: an instance of the real class.
  function DOMMatrix(...args: unknown[]): object {
    return new (load().DOMMatrix)(...args);
  }
  function Path2D(...args: unknown[]): object {
    return new (load().Path2D)(...args);
  }
  Object.assign(globalThis, { DOMMatrix, Path2D });
  stub.filename = id;
  stub.loaded = true;
  stub.exports = new Proxy({}, { get: (_target, key) => Reflect.get(load(), key) });
  require.cache[id] = stub;
  return () => {
    if (require.cache[id] === stub) delete require.cache[id];
  };
}
