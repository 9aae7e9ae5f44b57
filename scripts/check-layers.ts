import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

/**
 * The structure check CI runs (`.ci/run`): fails (exit 1) on an import against the layers or a TypeScript source
 * file over MAX_LINES lines, listing each one.
 *
 * Layers, from the top: cli (`cli.ts`, `cli/`, the façade `index.ts`) → pipeline/ → stages/<stage>/ and
 * outputs/<output>/ → templates/ → model/ (with `errors.ts`). A file may import:
 * - model/, errors.ts: model/ and errors.ts only;
 * - templates/: templates/, model/, errors.ts;
 * - stages/<s>/: its own folder, templates/, model/, errors.ts (stages talk only through model types);
 * - outputs/<o>/: its own folder, outputs/extracted/index.ts (reading an output folder), a stage's index.ts,
 *   templates/, model/, errors.ts — never another output's files;
 * - pipeline/: pipeline/, a stage's index.ts, templates/, model/, errors.ts;
 * - cli: anything in src/.
 * Nothing in src/ imports scripts/ or tests/. Package imports are not checked here.
 */
const MAX_LINES = 400;

const root = resolve(import.meta.dirname, "..");
const src = join(root, "src");

type Layer =
  | { readonly kind: "base" | "templates" | "pipeline" | "cli" }
  | { readonly kind: "stage" | "output"; readonly name: string };

/** The layer of a file, from its path relative to src/ (with `/` separators). */
export function layerOf(path: string): Layer | null {
  const [top, second] = path.split("/");
  if (path === "errors.ts" || top === "model") return { kind: "base" };
  if (top === "templates") return { kind: "templates" };
  if (top === "pipeline") return { kind: "pipeline" };
  if (path === "cli.ts" || path === "index.ts" || top === "cli") return { kind: "cli" };
  if ((top === "stages" || top === "outputs") && second !== undefined && path.split("/").length > 2)
    return { kind: top === "stages" ? "stage" : "output", name: second };
  return null;
}

/** Why `from` may not import `to` (both relative to src/), or null when it may. */
export function layerViolation(from: string, to: string): string | null {
  if (to.startsWith("../")) return "imports from outside src/ (scripts/ and tests/ are never imported by src/)";
  const source = layerOf(from);
  const target = layerOf(to);
  if (source === null) return `${from} is in no layer: put it under model/, templates/, stages/<stage>/, …`;
  if (target === null) return `${to} is in no layer`;
  const stageIndex = target.kind === "stage" && to === `stages/${target.name}/index.ts`;
  switch (source.kind) {
    case "cli":
      return null;
    case "base":
      return target.kind === "base" ? null : "model/ imports only model/ (and errors.ts)";
    case "templates":
      return target.kind === "base" || target.kind === "templates" ? null : "templates/ imports only model/";
    case "stage":
      if (target.kind === "base" || target.kind === "templates") return null;
      if (target.kind === "stage" && target.name === source.name) return null;
      return `a stage imports only model/, templates/ and its own folder (stages/${source.name}/)`;
    case "output":
      if (target.kind === "base" || target.kind === "templates" || stageIndex) return null;
      if (target.kind === "output" && (target.name === source.name || to === "outputs/extracted/index.ts")) return null;
      return `an output imports its own folder, outputs/extracted/index.ts, a stage's index.ts, templates/ and model/`;
    case "pipeline":
      if (target.kind === "base" || target.kind === "templates" || target.kind === "pipeline" || stageIndex)
        return null;
      return "pipeline/ imports pipeline/, a stage's index.ts, templates/ and model/";
  }
}

/** Relative module specifiers of a file's static and dynamic imports and re-exports. */
export function importsOf(text: string): string[] {
  const found: string[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["'](\.[^"']+)["']/gm;
  for (const match of text.matchAll(pattern)) if (match[1]) found.push(match[1]);
  return found;
}

function listSources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listSources(path));
    else if (name.endsWith(".ts")) out.push(path);
  }
  return out.sort();
}

function main(): void {
  const problems: string[] = [];
  const files = listSources(src);
  for (const file of files) {
    const from = relative(src, file).split(sep).join("/");
    const text = readFileSync(file, "utf8");
    const lines = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
    if (lines > MAX_LINES) problems.push(`src/${from}: ${lines} lines, more than ${MAX_LINES}: split it by concept`);
    for (const specifier of importsOf(text)) {
      const to = relative(src, resolve(dirname(file), specifier.replace(/\.js$/, ".ts")))
        .split(sep)
        .join("/");
      const why = layerViolation(from, to);
      if (why !== null) problems.push(`src/${from}: imports "${specifier}": ${why}`);
    }
  }
  if (problems.length > 0) {
    console.error(problems.join("\n"));
    console.error(`check-layers: ${problems.length} problem(s) in ${files.length} source files`);
    process.exit(1);
  }
  console.log(`check-layers: ${files.length} source files, imports follow the layers, none over ${MAX_LINES} lines`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
