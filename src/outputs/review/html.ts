/**
 * The pages' Content-Security-Policy: scripts, styles and images only from the site's own files, no connections.
 * The browser then refuses any network request the pages could make, not only those we know of. Inline styles
 * are allowed: the cell outlines are placed with style attributes.
 */
export const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'; connect-src 'none'";

/** Text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}

/** JSON safe inside `<script type="application/json">`: no `</script>` or `<!--` can close or open anything. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll("<", "\\u003c")
    .replaceAll("\u2028", "\\u2028")
    .replaceAll("\u2029", "\\u2029");
}

/** A relative URL for a file name: every path segment percent-encoded (names may hold #, ?, %, CJK). */
export function hrefOf(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

/** The file-system name of a report's page and image folder: its output path without `.json`, `/` as `~`. */
export function slugOf(file: string): string {
  return file.replace(/\.json$/, "").replaceAll("/", "~");
}

export function formatValue(value: number | null): string {
  return value === null ? "∅" : String(Math.round(value * 1e6) / 1e6);
}
