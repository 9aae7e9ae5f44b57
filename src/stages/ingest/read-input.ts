import { createHash } from "node:crypto";
import type { Stats } from "node:fs";
import { constants, open, stat } from "node:fs/promises";
import { InputError } from "../../errors.js";
import { detectKind, type InputKind } from "./detect-kind.js";
import type { FsPath } from "./file-name.js";

export interface InputFile {
  readonly path: FsPath;
  readonly bytes: Uint8Array;
  readonly sha256: string;
  readonly kind: InputKind;
}

/**
 * Reads an input whole, after checking what it is: only a regular file is read (a FIFO would block for ever,
 * `/dev/zero` never ends: `unsupported`), and only up to `maxBytes` (a larger one, such as a huge sparse file,
 * is `too_large` unread). The check and the read use one open descriptor.
 */
export async function readInput(path: FsPath, { maxBytes }: { maxBytes?: number } = {}): Promise<InputFile> {
  // Checked before opening too: a socket cannot be opened at all (ENXIO).
  checkRegular(await stat(path));
  // O_NONBLOCK: opening a FIFO with no writer must not wait for one (it has no effect on a regular file).
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    checkRegular(info);
    if (maxBytes !== undefined && info.size > maxBytes) {
      throw new InputError(
        "too_large",
        `The file has ${info.size} bytes, more than the limit of ${maxBytes} (--max-bytes); it was not read`,
      );
    }
    const bytes = new Uint8Array(await handle.readFile());
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    return { path, bytes, sha256, kind: detectKind(bytes) };
  } finally {
    await handle.close();
  }
}

function checkRegular(info: Stats): void {
  if (info.isFile()) return;
  const what = info.isDirectory() ? "a folder" : info.isFIFO() ? "a FIFO" : info.isSocket() ? "a socket" : "a device";
  throw new InputError("unsupported", `Not a regular file but ${what}: nothing is read from it`);
}
