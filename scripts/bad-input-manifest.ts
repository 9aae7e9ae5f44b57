import { readFileSync, writeFileSync } from "node:fs";

/** An entry of tests/fixtures/bad-input/manifest.json: a fixture and the outcome it must have. */
export interface ManifestEntry {
  readonly file: string;
  readonly about: string;
  readonly expect:
    | { readonly status: "failure"; readonly error_class: string }
    | { readonly status: "success"; readonly truth: string };
}

/**
 * Writes `entries` into the manifest at `path`, replacing the entries of the same files and keeping the rest
 * in their order, one entry a line as the file is kept.
 */
export function writeManifestEntries(path: string, entries: readonly ManifestEntry[]): void {
  const names = new Set(entries.map((e) => e.file));
  // The entries kept stay as they are written (one a line), so that a rerun changes only its own lines.
  const kept = readFileSync(path, "utf8")
    .split("\n")
    .map((l) => l.trim().replace(/,$/, ""))
    .filter((l) => l.startsWith("{") && !names.has((JSON.parse(l) as ManifestEntry).file))
    .map((l) => `  ${l}`);
  const line = (e: ManifestEntry) =>
    `  ${JSON.stringify(e)
      .replace(/":/g, '": ')
      .replace(/,"/g, ', "')
      .replace(/^\{/, "{ ")
      .replace(/\}$/, " }")
      .replace(/\{"status/, '{ "status')
      .replace(/"\}/g, '" }')}`;
  writeFileSync(path, `[\n${[...kept, ...entries.map(line)].join(",\n")}\n]\n`);
}
