import module from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Turns on Node's on-disk compile cache (the V8 code cache of every module loaded afterwards: pdf.js's worker
 * alone is 2 MB of JavaScript) for this process and, through `NODE_COMPILE_CACHE`, for the processes it starts
 * (the document processes of a batch, the Node 22 this bin may run itself again on). A batch starts a process
 * per `--jobs` and per 100 documents, and each compiled the same modules from source before. The cache
 * directory is Node's default one (`<tmpdir>/node-compile-cache`); `NODE_COMPILE_CACHE` set by the user wins,
 * `NODE_DISABLE_COMPILE_CACHE=1` turns it off. Node < 22.1 ignores both. Compilation only: outputs do not
 * depend on it.
 */
export function enableCompileCache(): void {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return;
  process.env.NODE_COMPILE_CACHE ??= join(tmpdir(), "node-compile-cache");
  // Absent before Node 22.8: a Node 22 started with NODE_COMPILE_CACHE set enables it itself.
  (module as { enableCompileCache?: (dir: string) => unknown }).enableCompileCache?.(process.env.NODE_COMPILE_CACHE);
}
