// Copies the plain files the compiled code reads at run time (the review site's browser assets, template data).
import { cpSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
cpSync(join(root, "src/outputs/review/assets"), join(root, "dist/outputs/review/assets"), { recursive: true });
// The template data files read at run time (the GB/T 2260 division list).
cpSync(join(root, "src/templates/data"), join(root, "dist/templates/data"), { recursive: true });
