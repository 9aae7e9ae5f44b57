// MHT/MHTML writers in the shapes browsers save a page as one file (RFC 2557 multipart/related), for the
// issue-15 samples: Chrome/Edge ("Saved by Blink": quoted-printable UTF-8 HTML, Snapshot-Content-Location,
// Content-ID frame ids) and Internet Explorer (MimeOLE: a preamble, quoted-printable HTML in the page's own
// charset, gb2312 for Chinese portals, base64 images). Resources are given as bytes with the URL the page uses.

export interface Resource {
  /** The URL the page's <img src> resolves to (absolute). */
  readonly url: string;
  readonly type: string;
  readonly bytes: Uint8Array;
}

const CRLF = "\r\n";

/** Quoted-printable (RFC 2045 §6.7): lines of at most 76 characters, `=` soft breaks, CRLF kept as line ends. */
export function encodeQuotedPrintable(bytes: Uint8Array): string {
  const lines: string[] = [];
  let line = "";
  const push = (piece: string) => {
    if (line.length + piece.length > 75) {
      lines.push(`${line}=`);
      line = "";
    }
    line += piece;
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b === 0x0a) {
      lines.push(line);
      line = "";
    } else if (b === 0x0d) {
      // The CR of a CRLF goes with its LF.
    } else if ((b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && bytes[i + 1] !== 0x0a)) {
      push(String.fromCharCode(b));
    } else push(`=${b.toString(16).toUpperCase().padStart(2, "0")}`);
  }
  lines.push(line);
  return lines.join(CRLF);
}

function base64Lines(bytes: Uint8Array): string {
  const text = Buffer.from(bytes).toString("base64");
  return (text.match(/.{1,76}/g) ?? []).join(CRLF);
}

/** A page as Chrome and Edge save it (.mhtml): the HTML re-encoded as UTF-8 and quoted-printable. */
export function chromeMhtml(
  page: { url: string; title: string; html: string },
  resources: readonly Resource[],
): Buffer {
  const boundary = "----MultipartBoundary--k3ZVd2qJtYUpKjH5RzW0Qx1oC8nBfLmXeA7sGiT4vD----";
  const head = [
    "From: <Saved by Blink>",
    `Snapshot-Content-Location: ${page.url}`,
    `Subject: =?utf-8?B?${Buffer.from(page.title).toString("base64")}?=`,
    "Date: Tue, 14 Mar 2023 09:21:37 +0800",
    "MIME-Version: 1.0",
    "Content-Type: multipart/related;",
    '\ttype="text/html";',
    `\tboundary="${boundary}"`,
    "",
    "",
  ];
  const parts = [
    [
      `--${boundary}`,
      "Content-Type: text/html",
      "Content-ID: <frame-8D2C1E6A04B1F0D9A7C3@mhtml.blink>",
      "Content-Transfer-Encoding: quoted-printable",
      `Content-Location: ${page.url}`,
      "",
      encodeQuotedPrintable(new TextEncoder().encode(page.html)),
    ].join(CRLF),
    ...resources.map((r) =>
      [
        `--${boundary}`,
        `Content-Type: ${r.type}`,
        "Content-Transfer-Encoding: base64",
        `Content-Location: ${r.url}`,
        "",
        base64Lines(r.bytes),
      ].join(CRLF),
    ),
  ];
  return Buffer.from(`${head.join(CRLF)}${parts.join(CRLF + CRLF)}${CRLF}${CRLF}--${boundary}--${CRLF}`, "latin1");
}

/** A page as Internet Explorer saves it ("Web Archive, single file"): HTML in its own charset, quoted-printable. */
export function ieMht(
  page: { url: string; title: string; html: Uint8Array; charset: string },
  resources: readonly Resource[],
): Buffer {
  const boundary = "----=_NextPart_000_0000_01D95631.5A3B2C10";
  const head = [
    "From: <Saved by Windows Internet Explorer 8>",
    `Subject: =?${page.charset}?B?${Buffer.from(page.title).toString("base64")}?=`,
    "Date: Thu, 16 Feb 2017 10:02:55 +0800",
    "MIME-Version: 1.0",
    "Content-Type: multipart/related;",
    '\ttype="text/html";',
    `\tboundary="${boundary}"`,
    "X-MimeOLE: Produced By Microsoft MimeOLE V6.1.7601.24158",
    "",
    "This is a multi-part message in MIME format.",
    "",
  ];
  const parts = [
    [
      `--${boundary}`,
      "Content-Type: text/html;",
      `\tcharset="${page.charset}"`,
      "Content-Transfer-Encoding: quoted-printable",
      `Content-Location: ${page.url}`,
      "",
      encodeQuotedPrintable(page.html),
    ].join(CRLF),
    ...resources.map((r) =>
      [
        `--${boundary}`,
        `Content-Type: ${r.type}`,
        "Content-Transfer-Encoding: base64",
        `Content-Location: ${r.url}`,
        "",
        base64Lines(r.bytes),
      ].join(CRLF),
    ),
  ];
  return Buffer.from(
    `${head.join(CRLF)}${CRLF}${parts.join(CRLF + CRLF)}${CRLF}${CRLF}--${boundary}--${CRLF}`,
    "latin1",
  );
}
