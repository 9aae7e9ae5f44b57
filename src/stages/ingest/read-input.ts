import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { detectKind, type InputKind } from "./detect-kind.js";

export interface InputFile {
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly sha256: string;
  readonly kind: InputKind;
}

export async function readInput(path: string): Promise<InputFile> {
  const bytes = new Uint8Array(await readFile(path));
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return { path, bytes, sha256, kind: detectKind(bytes) };
}
