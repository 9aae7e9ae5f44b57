import { Parser } from "htmlparser2";
import { InputError } from "../../errors.js";

/**
 * An XML element reduced to what the OFD reader uses: its local name (the namespace prefix dropped: producers
 * write `ofd:`, other prefixes or none), attributes, child elements and its own text.
 */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
}

/** Elements nested deeper than this are not an OFD page (pages nest a few levels; PageBlocks a few more). */
export const MAX_XML_DEPTH = 256;
/** Elements in one XML part: a dense page has tens of thousands (one per glyph run and path). */
export const MAX_XML_ELEMENTS = 2_000_000;

/**
 * Parses one XML part of an OFD. Decoded by XML's rules (a UTF-16 byte-order mark or `<` as a 16-bit unit,
 * else the declaration's `encoding`, else UTF-8; GB2312 and GBK as GB18030). htmlparser2 in XML mode reads it
 * leniently, as a browser would, and expands only XML's five named entities and character references. A DTD
 * that declares entities is refused (`unsupported`): OFD uses none, and an entity-expansion bomb needs them.
 * Deeper than `MAX_XML_DEPTH` or more than `MAX_XML_ELEMENTS` elements is `unsupported` / `too_large`.
 */
export function parseXml(bytes: Uint8Array, part: string): XmlElement {
  const text = decodeXml(bytes);
  if (/<!DOCTYPE[^>[]*\[[\s\S]*?<!ENTITY/i.test(text.slice(0, 1 << 20))) {
    throw new InputError(
      "unsupported",
      `${part} declares DTD entities (an entity-expansion bomb?): OFD uses none and gongkai expands none`,
    );
  }
  const root: XmlElement = { name: "#document", attrs: {}, children: [], text: "" };
  const stack: XmlElement[] = [root];
  let count = 0;
  // A limit passed is thrown from inside the callback: the parse stops there instead of reading on.
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        count += 1;
        if (count > MAX_XML_ELEMENTS)
          throw new InputError("too_large", `${part} holds more than ${MAX_XML_ELEMENTS} elements`);
        if (stack.length > MAX_XML_DEPTH) {
          throw new InputError(
            "unsupported",
            `${part} nests elements more than ${MAX_XML_DEPTH} deep: not an OFD page gongkai reads`,
          );
        }
        const element: XmlElement = { name: localName(name), attrs: localAttrs(attribs), children: [], text: "" };
        (stack.at(-1) as XmlElement).children.push(element);
        stack.push(element);
      },
      ontext(data) {
        (stack.at(-1) as XmlElement).text += data;
      },
      onclosetag() {
        if (stack.length > 1) stack.pop();
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(text);
  return root;
}

/** The first child element named `name` (local name), or undefined. */
export function childOf(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((c) => c.name === name);
}

/** Every child element named `name`. */
export function childrenOf(element: XmlElement | undefined, name: string): XmlElement[] {
  return element ? element.children.filter((c) => c.name === name) : [];
}

/** The trimmed text of the first child named `name`, or undefined when there is none or it is empty. */
export function childText(element: XmlElement | undefined, name: string): string | undefined {
  const text = childOf(element, name)?.text.trim();
  return text === "" ? undefined : text;
}

/** A number attribute; `fallback` when absent or not a finite number. */
export function numberAttr(element: XmlElement, name: string, fallback: number): number {
  const raw = element.attrs[name];
  if (raw === undefined) return fallback;
  const value = Number(raw.trim());
  return Number.isFinite(value) && raw.trim() !== "" ? value : fallback;
}

/** A boolean attribute (`true`/`false`, any case, also `1`/`0`); `fallback` when absent or otherwise. */
export function boolAttr(element: XmlElement, name: string, fallback: boolean): boolean {
  const raw = element.attrs[name]?.trim().toLowerCase();
  if (raw === "true" || raw === "1") return true;
  if (raw === "false" || raw === "0") return false;
  return fallback;
}

/** Numbers in a whitespace- or comma-separated list (ST_Array, ST_Box); non-numbers dropped. */
export function numberList(raw: string | undefined): number[] {
  if (raw === undefined) return [];
  return raw
    .trim()
    .split(/[\s,]+/)
    .map(Number)
    .filter((n) => Number.isFinite(n));
}

function localName(name: string): string {
  const at = name.indexOf(":");
  return at < 0 ? name : name.slice(at + 1);
}

function localAttrs(attribs: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(attribs)) {
    if (name.startsWith("xmlns")) continue;
    out[localName(name)] = value;
  }
  return out;
}

function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  if (bytes[0] === 0x3c && bytes[1] === 0x00) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0x00 && bytes[1] === 0x3c) return new TextDecoder("utf-16be").decode(bytes);
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 200));
  const declared = /^(?:\uFEFF|\xEF\xBB\xBF)?\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
  const label = declared && /^(?:gb2312|gbk|gb18030|cp936|x-gbk)$/i.test(declared) ? "gb18030" : "utf-8";
  return new TextDecoder(label).decode(bytes);
}
