import { lstat, open, realpath } from "node:fs/promises";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import type { ArchivePart, WebArchive } from "./read-web-archive.js";

/** The bytes of a picture a page names, or why they are not to be had. */
export type WebPicture = { readonly bytes: Uint8Array } | { readonly missing: string };

/** Bytes a picture of a table may have: a screenshot or a 300 dpi scan is a few MiB. */
export const MAX_PICTURE_BYTES = 32 * 1024 * 1024;

/**
 * A picture of a web archive by the `src` its page gives: a `data:` URL; a `cid:` reference to a part's
 * Content-ID; else the part whose Content-Location is the `src` resolved against the page's own location (as
 * IE, Chrome and Word write them), or, failing that, the one part whose file name is the `src`'s. Nothing
 * outside the archive is ever fetched.
 */
export function findArchiveImage(archive: WebArchive, src: string): WebPicture {
  if (/^data:/i.test(src)) return dataUrl(src);
  let part: ArchivePart | undefined;
  if (/^cid:/i.test(src)) {
    const id = decodeURIComponentSafe(src.slice(4));
    part = archive.parts.find((p) => p.contentId === id);
  } else {
    const wanted = new Set([src, absolute(src, archive.html.location)].filter((u): u is string => u !== null));
    part = archive.parts.find(
      (p) => p.location !== null && (wanted.has(p.location) || wanted.has(absolute(p.location, null) ?? "")),
    );
    if (part === undefined) {
      const name = fileName(src);
      const named = archive.parts.filter((p) => p.location !== null && fileName(p.location) === name);
      if (name !== "" && named.length === 1) part = named[0];
    }
  }
  if (part === undefined)
    return {
      missing: `the web archive holds no part for it${/^https?:/i.test(src) ? " (an address on the web, which is never fetched)" : ""}`,
    };
  if (part.storedBytes > (MAX_PICTURE_BYTES * 4) / 3 + 4096) {
    return {
      missing: `its part is ${part.storedBytes} bytes, more than a picture of a table (${MAX_PICTURE_BYTES} bytes) needs`,
    };
  }
  return { bytes: part.body() };
}

/**
 * A picture a saved page names, from the folder the browser wrote beside it (`report_files/`, `report.files/`)
 * or any file under the page's own folder. A `src` that leaves that folder (`../`, an absolute path, a link
 * pointing out of it), a web address, or anything but a regular file is not read.
 */
export async function findFolderImage(pagePath: string, src: string): Promise<WebPicture> {
  if (/^data:/i.test(src)) return dataUrl(src);
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) && !/^file:/i.test(src)) {
    return { missing: "an address on the web or another scheme: pictures are read only from the saved page's folder" };
  }
  const path = decodeURIComponentSafe(src.replace(/^file:(\/\/[^/]*)?/i, "").replace(/[?#].*$/, ""));
  if (path === "" || isAbsolute(path) || /^[a-z]:[\\/]/i.test(path)) {
    return { missing: "an absolute path: pictures are read only from the saved page's own folder" };
  }
  const folder = dirname(resolve(pagePath));
  const target = resolve(folder, path.replace(/\\/g, "/"));
  if (!inside(folder, target)) return { missing: "it points outside the saved page's folder" };
  try {
    const info = await lstat(target);
    if (!info.isFile() && !info.isSymbolicLink()) return { missing: "not a regular file" };
    const real = await realpath(target);
    if (!inside(await realpath(folder), real)) return { missing: "a link pointing outside the saved page's folder" };
    const handle = await open(real, "r");
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) return { missing: "not a regular file" };
      if (stat.size > MAX_PICTURE_BYTES)
        return { missing: `the file has ${stat.size} bytes, more than ${MAX_PICTURE_BYTES}` };
      return { bytes: new Uint8Array(await handle.readFile()) };
    } finally {
      await handle.close();
    }
  } catch {
    return { missing: "the saved page's folder does not hold it" };
  }
}

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== "" && !rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel);
}

function dataUrl(src: string): WebPicture {
  const match = /^data:[^,;]*(;[^,]*)?,(.*)$/is.exec(src);
  if (!match) return { missing: "a malformed data: URL" };
  const payload = match[2] ?? "";
  if (payload.length > (MAX_PICTURE_BYTES * 4) / 3) return { missing: "a data: URL larger than a picture of a table" };
  const base64 = /;base64/i.test(match[1] ?? "");
  return {
    bytes: new Uint8Array(
      base64 ? Buffer.from(payload, "base64") : Buffer.from(decodeURIComponentSafe(payload), "latin1"),
    ),
  };
}

function absolute(url: string, base: string | null): string | null {
  try {
    return base === null ? new URL(url).href : new URL(url, base).href;
  } catch {
    return null;
  }
}

function fileName(url: string): string {
  return decodeURIComponentSafe(
    url
      .replace(/[?#].*$/, "")
      .split(/[/\\]/)
      .at(-1) ?? "",
  ).toLowerCase();
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
