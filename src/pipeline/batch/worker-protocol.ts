import type { DocumentResult, ExtractOptions } from "../extract-document.js";

/**
 * Messages between the batch and its document processes (IPC, structured clone). Generic on purpose: one
 * document per request, the options object passed through to `extractDocument` unchanged.
 */
export interface WorkerRequest {
  readonly id: number;
  /** A string, or the raw bytes of a path with a name that is not UTF-8 (read back as a Buffer). */
  readonly path: string | Uint8Array;
  readonly options: ExtractOptions;
}

export type WorkerReply =
  | { readonly id: number; readonly result: DocumentResult }
  | { readonly id: number; readonly error: string };
