import { afterAll } from "vitest";
import { terminateSharedOcrEngine } from "./extract-once.js";

// Runs in every test file's process (vitest `setupFiles`): the shared OCR engine's workers end with the file.
afterAll(async () => {
  await terminateSharedOcrEngine();
});
