import type { ErrorClass } from "./model/issue.js";

/** Base of gongkai's defects and bad configuration. Per-document problems become issues, not throws. */
export class GongkaiError extends Error {
  override name = "GongkaiError";
}

export class UsageError extends GongkaiError {
  override name = "UsageError";
}

/** An input that cannot be processed; carries the error class written to the output and the manifest. */
export class InputError extends GongkaiError {
  override name = "InputError";
  readonly errorClass: ErrorClass;
  constructor(errorClass: ErrorClass, message: string, options?: ErrorOptions) {
    super(message, options);
    this.errorClass = errorClass;
  }
}

/**
 * The message of a thrown value: an Error's `message` (with `stack`: its stack, which starts with the message,
 * when it has one — for a defect reported to a person), anything else as a string.
 */
export function describeError(error: unknown, { stack = false }: { stack?: boolean } = {}): string {
  if (!(error instanceof Error)) return String(error);
  return stack ? (error.stack ?? error.message) : error.message;
}
