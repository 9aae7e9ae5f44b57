/** `--max-bytes`: a number of bytes, or with a binary suffix (`500k`, `256M`, `1G`: KiB, MiB, GiB). */
export function parseByteSize(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)\s*([kmg]?)i?b?$/i.exec(text.trim());
  const unit = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(match?.[2] ?? "").toLowerCase() as "" | "k" | "m" | "g"];
  const value = match ? Math.floor(Number(match[1]) * unit) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new Error(`Expected \`${name}\` to be a size in bytes ≥ 1 (suffixes k, M, G allowed), got \`${text}\``);
  }
  return value;
}
