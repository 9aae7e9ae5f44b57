import type { DocumentResult, ExtractOptions } from "../extract-document.js";

/**
 * Messages between the batch and its document processes (IPC, structured clone). Generic on purpose: one
 * document per request, the options object passed through to `extractDocument` unchanged.
 */
export interface WorkerRequest {
  readonly id: number;
  readonly path: string;
  readonly options: ExtractOptions;
}

export type WorkerReply =
  | { readonly id: number; readonly result: DocumentResult }
  | { readonly id: number; readonly error: string };
