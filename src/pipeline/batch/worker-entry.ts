/**
 * Entry of a document process (child_process.fork): extracts one document per request, in order, for as
 * long as the batch keeps it. Exits when the batch goes away (IPC disconnect), so a `kill -9` of the batch
 * leaves no orphans working on.
 */
import { extractDocument } from "../extract-document.js";
import type { WorkerReply, WorkerRequest } from "./worker-protocol.js";

process.on("disconnect", () => process.exit(0));
process.on("message", (message: WorkerRequest) => {
  void handle(message).then((reply) => process.send?.(reply));
});

async function handle(request: WorkerRequest): Promise<WorkerReply> {
  try {
    return { id: request.id, result: await extractDocument(request.path, request.options) };
  } catch (error) {
    // extractDocument turns bad input into a failure output; a throw here is a defect.
    return { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}
