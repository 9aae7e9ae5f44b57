import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** pdf.js 6 and the rest of the stack need Node ≥ 22. */
export const MIN_NODE_MAJOR = 22;

export function nodeMajor(): number {
  return Number(process.versions.node.split(".")[0]);
}

/**
 * The Node binary of the `node` package gongkai depends on (node_modules/node/bin/node), or null when it is
 * not installed (a platform the package has no binary for).
 */
export function bundledNode(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const bin = join(dirname(require.resolve("node/package.json")), "bin", "node");
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

/**
 * Runs `script` with `args` on `node` and resolves with its exit code. Ctrl-C reaches the child through the
 * terminal's process group, so this process only waits for it; a signal that ended the child ends this one.
 */
export function runOnNode(node: string, script: string, args: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, [script, ...args], { stdio: "inherit" });
    const ignore = () => undefined;
    process.on("SIGINT", ignore);
    process.on("SIGTERM", ignore);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", ignore);
      process.off("SIGTERM", ignore);
      resolve(code ?? (signal === "SIGINT" ? 130 : 1));
    });
  });
}
