// Copies the review site's browser assets (plain files, not compiled) next to the compiled review stage.
import { cpSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
cpSync(join(root, "src/stages/review/assets"), join(root, "dist/stages/review/assets"), { recursive: true });
