import { type ParseArgsConfig, parseArgs } from "node:util";
import { describeError, UsageError } from "../errors.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** `parseArgs` in strict mode; its errors (unknown option, missing value) become usage errors. */
export function parseCommandArgs<T extends Options>(args: readonly string[], options: T, positionals: boolean) {
  try {
    return parseArgs({
      args: [...args],
      allowPositionals: positionals,
      strict: true,
      options: { ...options, help: { type: "boolean", short: "h" } },
    });
  } catch (error) {
    throw new UsageError(describeError(error).replace(/\.\s*To specify.*$/s, ""));
  }
}

/** A whole number ≥ `min`, or undefined when the option is absent. */
export function parseCount(name: string, text: string | undefined, min: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) {
    throw new UsageError(`Expected \`${name}\` to be an integer ≥ ${min}, got \`${text}\``);
  }
  return value;
}

export function parsePositive(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    throw new UsageError(`Expected \`${name}\` to be a number of seconds > 0, got \`${text}\``);
  }
  return value;
}

/** Drops undefined fields (option objects are exactOptionalPropertyTypes). */
export function definedOnly<T extends Record<string, unknown>>(
  record: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
