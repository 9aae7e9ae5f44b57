// Copies the plain files the compiled code reads at run time (the review site's browser assets, template data)
// into the build folder: `dist`, or the folder given (tests/helpers/global-setup.ts builds `.test-dist`).
import { cpSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const out = join(root, process.argv[2] ?? "dist");
cpSync(join(root, "src/outputs/review/assets"), join(out, "outputs/review/assets"), { recursive: true });
// The template data files read at run time (the GB/T 2260 division list).
cpSync(join(root, "src/templates/data"), join(out, "templates/data"), { recursive: true });
