// MIME web archives (.mht/.mhtml) written here with the variations real "save as single file" output shows,
// independent of scripts/samples-formats-mht.ts: GB18030/GBK/UTF-8 bytes (converted by iconv(1)), base64,
// quoted-printable (soft breaks that cut multi-byte characters) or 8bit bodies, IE-, Chrome- and odd
// boundaries, LF or CRLF line ends, the page part after its pictures (found by `start=` or by type), and
// charsets declared only in the page's <meta>.
import { execFileSync } from "node:child_process";

export interface Part {
  readonly type: string;
  readonly location: string;
  readonly body: Uint8Array;
  readonly id?: string;
}

export interface ArchiveShape {
  /** Bytes of the page: iconv's name for the encoding. */
  readonly charset: "UTF-8" | "GBK" | "GB18030" | "UTF-16LE";
  /** The charset name the archive declares, when not the iconv name (IE writes "unicode" for UTF-16LE). */
  readonly label?: string;
  readonly transfer: "base64" | "quoted-printable" | "8bit";
  readonly boundary: "ie" | "chrome" | "odd";
  readonly eol: "\r\n" | "\n";
  /** Name the charset in the part's Content-Type (else only the page's <meta> says it). */
  readonly declareCharset: boolean;
  /** Page part after the picture parts, named by `start=<cid>` in the root header. */
  readonly pageLast?: boolean;
  /** Content-Location of the page: an RFC 2047 encoded Windows path instead of a URL. */
  readonly encodedLocation?: boolean;
}

export function encodeText(text: string, charset: ArchiveShape["charset"]): Uint8Array {
  if (charset === "UTF-8") return new TextEncoder().encode(text);
  return new Uint8Array(execFileSync("iconv", ["-f", "UTF-8", "-t", charset], { input: text }));
}

const BOUNDARIES = {
  ie: "----=_NextPart_000_0016_01DA2C3B.4F5E6A70",
  chrome: "----MultipartBoundary--q2Zl9yH8sLdKx0TmVb3RwPcJ1nFgA7eU6oI4iSzEtY----",
  odd: "=_gongkai check/boundary+with:odd'chars_",
} as const;

function base64Lines(bytes: Uint8Array, eol: string): string {
  const text = Buffer.from(bytes).toString("base64");
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += 76) lines.push(text.slice(i, i + 76));
  return lines.join(eol);
}

/** RFC 2045 quoted-printable: every byte ≥ 0x80 and "=" escaped, soft breaks at 76 columns wherever they fall. */
function quotedPrintable(bytes: Uint8Array, eol: string): string {
  let out = "";
  let line = "";
  for (const byte of bytes) {
    if (byte === 0x0a) {
      out += `${line}${eol}`;
      line = "";
      continue;
    }
    if (byte === 0x0d) continue;
    const token =
      byte === 0x3d || byte >= 0x80 || (byte < 0x20 && byte !== 0x09)
        ? `=${byte.toString(16).toUpperCase().padStart(2, "0")}`
        : String.fromCharCode(byte);
    if (line.length + token.length > 75) {
      out += `${line}=${eol}`;
      line = "";
    }
    line += token;
  }
  return out + line;
}

function encodeBody(part: Part, transfer: ArchiveShape["transfer"], eol: string): string {
  if (!part.type.startsWith("text/")) return base64Lines(part.body, eol);
  if (transfer === "base64") return base64Lines(part.body, eol);
  if (transfer === "quoted-printable") return quotedPrintable(part.body, eol);
  return Buffer.from(part.body).toString("latin1").replace(/\r?\n/g, eol);
}

/** The archive's bytes. 8bit bodies are carried byte for byte (latin1 round trip). */
export function writeArchive(page: Part, pictures: readonly Part[], shape: ArchiveShape, subject: string): Uint8Array {
  const { eol } = shape;
  const boundary = BOUNDARIES[shape.boundary];
  const pageId = page.id ?? "<page.0@check.gongkai>";
  const rootType = shape.pageLast
    ? `multipart/related;${eol}\ttype="text/html";${eol}\tstart="${pageId}";${eol}\tboundary="${boundary}"`
    : `multipart/related;${eol}\ttype="text/html";${eol}\tboundary="${boundary}"`;
  const head =
    shape.boundary === "chrome"
      ? [
          "From: <Saved by Blink>",
          `Snapshot-Content-Location: ${page.location}`,
          `Subject: =?utf-8?B?${Buffer.from(subject).toString("base64")}?=`,
          "Date: Tue, 5 Mar 2024 09:12:45 +0800",
          "MIME-Version: 1.0",
          `Content-Type: ${rootType}`,
        ]
      : [
          "From: <Saved by Windows Internet Explorer 8>",
          `Subject: =?gb2312?B?${Buffer.from(encodeText(subject, "GBK")).toString("base64")}?=`,
          "Date: Tue, 5 Mar 2024 09:12:45 +0800",
          "MIME-Version: 1.0",
          `Content-Type: ${rootType}`,
          "X-MimeOLE: Produced By Microsoft MimeOLE V6.1.7601.24158",
        ];
  const location = shape.encodedLocation
    ? `=?gb2312?B?${Buffer.from(encodeText("file:///C:/Users/办公室/Desktop/年度报告.htm", "GBK")).toString("base64")}?=`
    : page.location;
  const pagePart = [
    `Content-Type: text/html${shape.declareCharset ? `; charset="${shape.label ?? shape.charset.toLowerCase()}"` : ""}`,
    ...(shape.pageLast ? [`Content-ID: ${pageId}`] : []),
    `Content-Transfer-Encoding: ${shape.transfer}`,
    `Content-Location: ${location}`,
    "",
    encodeBody(page, shape.transfer, eol),
  ].join(eol);
  const pictureParts = pictures.map((p) =>
    [
      `Content-Type: ${p.type}`,
      "Content-Transfer-Encoding: base64",
      `Content-Location: ${p.location}`,
      ...(p.id ? [`Content-ID: ${p.id}`] : []),
      "",
      encodeBody(p, "base64", eol),
    ].join(eol),
  );
  const parts = shape.pageLast ? [...pictureParts, pagePart] : [pagePart, ...pictureParts];
  const preamble = shape.boundary === "ie" ? `${eol}This is a multi-part message in MIME format.${eol}` : "";
  const text = `${head.join(eol)}${eol}${preamble}${eol}${parts.map((p) => `--${boundary}${eol}${p}${eol}`).join(eol)}--${boundary}--${eol}`;
  return new Uint8Array(Buffer.from(text, "latin1"));
}
