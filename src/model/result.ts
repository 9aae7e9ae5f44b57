import type { ErrorClass, Issue } from "./issue.js";

/**
 * What a stage returns: its value and the problems it met, as data (never pushed into a shared array, never
 * written into its input). A stage that can fail as a whole returns the union; one that cannot returns `Done`.
 */
export type Result<T> = Done<T> | Failed;

export interface Done<T> {
  readonly ok: true;
  readonly value: T;
  readonly issues: readonly Issue[];
}

/** The input failed as a whole: its error class (SPEC §5) and why. */
export interface Failed {
  readonly ok: false;
  readonly errorClass: ErrorClass;
  readonly message: string;
  readonly issues: readonly Issue[];
}

export function done<T>(value: T, issues: readonly Issue[] = []): Done<T> {
  return { ok: true, value, issues };
}

export function failed(errorClass: ErrorClass, message: string, issues: readonly Issue[] = []): Failed {
  return { ok: false, errorClass, message, issues };
}
