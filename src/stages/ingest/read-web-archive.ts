import { InputError } from "../../errors.js";

/**
 * A MIME web archive (.mht / .mhtml, RFC 2557 "MHTML"): a multipart/related message whose parts are a page and
 * the resources it uses, as Internet Explorer, Edge, Chrome and Word ("single file web page") save it.
 */
export interface WebArchive {
  /** The page: the part the multipart's `start` names, else the first text/html part. */
  readonly html: ArchivePart;
  /** Every part, the page included, in file order. */
  readonly parts: readonly ArchivePart[];
}

export interface ArchivePart {
  /** Lower-cased media type, e.g. `text/html`, `image/png`. */
  readonly type: string;
  /** The `charset` parameter of its Content-Type, lower-cased, or null. */
  readonly charset: string | null;
  /** Content-Location as written (an absolute URL in IE's and Chrome's archives), or null. */
  readonly location: string | null;
  /** Content-ID without its angle brackets, or null. */
  readonly contentId: string | null;
  /** The body decoded from its transfer encoding (base64, quoted-printable), decoded on first use. */
  readonly body: () => Uint8Array;
  /** Bytes of the body as stored (before transfer decoding). */
  readonly storedBytes: number;
}

/** Parts an archive may have: a saved page has tens, a hostile one is refused before it is split further. */
const MAX_PARTS = 10_000;
/** Multipart nesting (related in alternative in mixed …) gongkai follows. */
const MAX_NESTING = 8;

/**
 * Splits a web archive into its parts. Throws `InputError`: `corrupt` when the boundary its header declares
 * never occurs, when it holds no HTML part, or when its header block is broken; `too_large` past MAX_PARTS.
 */
export function readWebArchive(bytes: Uint8Array): WebArchive {
  // Headers and boundaries are ASCII; bodies stay bytes: ISO-8859-1 maps each byte to one code unit and back
  // (Node's "latin1", not the WHATWG decoder of that label, which is windows-1252 and remaps 0x80–0x9F).
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const parts: ArchivePart[] = [];
  const top = splitHeaders(text, 0);
  const start = readParts(text, top, parts, 0);
  if (parts.length === 0) throw new InputError("corrupt", "The web archive holds no part");
  const html =
    (start !== null ? parts.find((p) => p.contentId === start || p.location === start) : undefined) ??
    parts.find((p) => p.type === "text/html" || p.type === "application/xhtml+xml");
  if (html === undefined) {
    const types = [...new Set(parts.map((p) => p.type))].join(", ");
    throw new InputError("corrupt", `The web archive holds no HTML page (its ${parts.length} part(s): ${types})`);
  }
  return { html, parts };
}

interface HeaderBlock {
  readonly headers: Map<string, string>;
  /** Offset of the body (after the blank line). */
  readonly bodyStart: number;
}

/** RFC 5322 headers from `at` to the first empty line (before `end`), folded lines joined; names lower-cased. */
function splitHeaders(text: string, at: number, end = text.length): HeaderBlock {
  let headerEnd = end;
  let bodyStart = end;
  const empty = /^\r?\n/.exec(text.slice(at, at + 2));
  if (empty) {
    // No headers at all: the body starts after the empty line.
    headerEnd = at;
    bodyStart = at + empty[0].length;
  } else {
    const blank = /\r?\n\r?\n/g;
    blank.lastIndex = at;
    const match = blank.exec(text);
    if (match && match.index < end) {
      headerEnd = match.index;
      bodyStart = match.index + match[0].length;
    }
  }
  const headers = new Map<string, string>();
  let name = "";
  for (const line of text.slice(at, headerEnd).split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && name !== "") headers.set(name, `${headers.get(name) ?? ""} ${line.trim()}`);
    else {
      const colon = line.indexOf(":");
      if (colon <= 0) continue;
      name = line.slice(0, colon).trim().toLowerCase();
      // The first of a repeated header counts.
      if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
      else name = "";
    }
  }
  return { headers, bodyStart };
}

/**
 * Adds the leaf parts of the entity whose headers are `block` (a multipart's parts, recursively) to `parts`;
 * returns the multipart/related `start` parameter (a Content-ID or location), if any.
 */
function readParts(
  text: string,
  block: HeaderBlock,
  parts: ArchivePart[],
  depth: number,
  end = text.length,
): string | null {
  const contentType = block.headers.get("content-type") ?? "text/plain";
  const { type, params } = parseContentType(contentType);
  if (!type.startsWith("multipart/")) {
    parts.push(leafPart(text, block, end, type, params));
    return null;
  }
  if (depth >= MAX_NESTING)
    throw new InputError("unsupported", `The web archive nests multiparts more than ${MAX_NESTING} deep`);
  const boundary = params.get("boundary");
  if (boundary === undefined || boundary === "") {
    throw new InputError("corrupt", `The web archive's ${type} header declares no boundary`);
  }
  const delimiter = `--${boundary}`;
  const starts: number[] = [];
  let at = block.bodyStart;
  let closed = false;
  while (at < end) {
    const found = text.indexOf(delimiter, at);
    if (found < 0 || found >= end) break;
    // A delimiter starts a line.
    const lineStart = found === block.bodyStart || text[found - 1] === "\n";
    const after = found + delimiter.length;
    if (lineStart) {
      if (text.startsWith("--", after)) {
        starts.push(found);
        closed = true;
        break;
      }
      starts.push(found);
      if (starts.length > MAX_PARTS)
        throw new InputError("too_large", `The web archive has more than ${MAX_PARTS} parts`);
    }
    at = after;
  }
  if (starts.length === 0) {
    throw new InputError(
      "corrupt",
      `The web archive's boundary "${boundary.slice(0, 80)}" never occurs: its parts cannot be told apart`,
    );
  }
  if (!closed) starts.push(end);
  for (let i = 0; i + 1 < starts.length; i++) {
    const from = text.indexOf("\n", starts[i] as number);
    if (from < 0) break;
    // The part ends before the line break that precedes the next delimiter.
    let to = starts[i + 1] as number;
    if (text[to - 1] === "\n") to -= text[to - 2] === "\r" ? 2 : 1;
    readParts(text, splitHeaders(text, from + 1, Math.max(from + 1, to)), parts, depth + 1, Math.max(from + 1, to));
  }
  const start = params.get("start");
  return start === undefined ? null : start.replace(/^<|>$/g, "");
}

function leafPart(
  text: string,
  block: HeaderBlock,
  end: number,
  type: string,
  params: Map<string, string>,
): ArchivePart {
  const encoding = (block.headers.get("content-transfer-encoding") ?? "").trim().toLowerCase();
  const stored = text.slice(Math.min(block.bodyStart, end), end);
  let decoded: Uint8Array | null = null;
  return {
    type,
    charset: params.get("charset")?.toLowerCase() ?? null,
    location: block.headers.get("content-location")?.trim() ?? null,
    contentId: block.headers.get("content-id")?.trim().replace(/^<|>$/g, "") ?? null,
    storedBytes: stored.length,
    body: () => {
      decoded ??= decodeBody(stored, encoding);
      return decoded;
    },
  };
}

function decodeBody(stored: string, encoding: string): Uint8Array {
  if (encoding === "base64") return new Uint8Array(Buffer.from(stored.replace(/[^A-Za-z0-9+/=]/g, ""), "base64"));
  if (encoding === "quoted-printable") return decodeQuotedPrintable(stored);
  return new Uint8Array(Buffer.from(stored, "latin1"));
}

/** RFC 2045 §6.7: `=XX` is a byte, `=` at a line end is a soft break; anything else is itself. */
export function decodeQuotedPrintable(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3d) {
      const hex = text.slice(i + 1, i + 3);
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        out[n++] = Number.parseInt(hex, 16);
        i += 2;
        continue;
      }
      const soft = /^[ \t]*\r?\n/.exec(text.slice(i + 1, i + 80));
      if (soft) {
        i += soft[0].length;
        continue;
      }
    }
    out[n++] = c & 0xff;
  }
  return out.subarray(0, n);
}

/** `type/subtype; name=value; name="quoted value"` → the lower-cased type and its parameters (names lower-cased). */
export function parseContentType(value: string): { type: string; params: Map<string, string> } {
  const [head = "", ...rest] = value.split(";");
  const params = new Map<string, string>();
  const joined = rest.join(";");
  for (const match of joined.matchAll(/([\w.-]+)\s*=\s*(?:"([^"]*)"|([^;\s]*))/g)) {
    const name = (match[1] ?? "").toLowerCase();
    if (!params.has(name)) params.set(name, match[2] ?? match[3] ?? "");
  }
  return { type: head.trim().toLowerCase(), params };
}
