/**
 * The text of an HTML page from its bytes, in the encoding it declares: a byte-order mark first, then a
 * `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the first 4 KiB (a GBK label
 * over bytes that are all valid UTF-8 is read as UTF-8: a page re-encoded without fixing its tag); without
 * either, UTF-8 if the bytes are valid UTF-8, else GB18030 (Chinese portals' undeclared pages are GBK).
 * GB2312 and GBK are decoded as GB18030, their superset (as browsers do). `charset`, when given, is declared by
 * the page's container (a web archive's part header) and is taken before the page's own `<meta>`.
 */
export function decodeHtml(
  bytes: Uint8Array,
  { charset = null }: { charset?: string | null } = {},
): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode(bytes.subarray(3), "utf-8");
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode(bytes.subarray(2), "utf-16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode(bytes.subarray(2), "utf-16be");
  // UTF-16 without a byte-order mark: markup starts with `<`, so one of its first two bytes is 0.
  if (bytes[0] === 0x3c && bytes[1] === 0x00) return decode(bytes, "utf-16le");
  if (bytes[0] === 0x00 && bytes[1] === 0x3c) return decode(bytes, "utf-16be");
  // A charset its container declares (a web archive part's Content-Type) before the page's own <meta>.
  const declared = sniffedLabel(
    charset?.toLowerCase() ?? declaredCharset(new TextDecoder("latin1").decode(bytes.subarray(0, 4096))),
  );
  if (declared !== null) {
    // A page saved as UTF-8 under its original <meta> (editors and CMSs re-encode without fixing the tag):
    // non-ASCII bytes that are all valid UTF-8 are almost never text of another encoding (GBK, Big5, Shift_JIS).
    if (isNonAsciiUtf8(bytes)) return decode(bytes, "utf-8");
    const label = CHINESE.has(declared) ? "gb18030" : declared;
    try {
      // The declared charset only when the bytes fit it; else sniff below.
      return { text: new TextDecoder(label, { fatal: true }).decode(bytes), encoding: new TextDecoder(label).encoding };
    } catch {
      // An unknown label, or bytes that are not in it: fall through to sniffing.
    }
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return decode(bytes, "gb18030");
  }
}

function isNonAsciiUtf8(bytes: Uint8Array): boolean {
  if (!bytes.some((b) => b >= 0x80)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * WHATWG HTML "prescan": a `<meta>` that declares UTF-16 is read as UTF-8 (a page whose bytes were in
 * UTF-16 would carry a byte-order mark, handled before), and x-user-defined as windows-1252.
 */
function sniffedLabel(declared: string | null): string | null {
  if (declared === null) return null;
  if (
    /^(?:utf-?16|utf-?16le|utf-?16be|unicode|ucs-?2|csunicode|iso-10646-ucs-2|unicodefeff|unicodefffe)$/.test(declared)
  )
    return "utf-8";
  if (declared === "x-user-defined") return "windows-1252";
  return declared;
}

const CHINESE = new Set(["gb2312", "gbk", "gb18030", "x-gbk", "cp936", "windows-936", "euc-cn", "hz-gb-2312"]);

function decode(bytes: Uint8Array, label: string): { text: string; encoding: string } {
  const decoder = new TextDecoder(label);
  return { text: decoder.decode(bytes), encoding: decoder.encoding };
}

/** The charset a `<meta>` tag declares, lower-cased, or null. */
export function declaredCharset(head: string): string | null {
  for (const meta of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(meta);
    if (direct?.[1]) return direct[1].toLowerCase();
  }
  return null;
}
