/** PDF tokens and values (pdf-objects.ts reads objects with them; pdf-scan-pages.ts, content streams). */
export type PdfValue =
  | number
  | boolean
  | null
  | string
  | PdfName
  | PdfRef
  | PdfValue[]
  | PdfDict
  | PdfStream
  | PdfKeyword;

export class PdfName {
  constructor(readonly name: string) {}
}
export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}
export class PdfKeyword {
  constructor(readonly word: string) {}
}
export class PdfDict {
  constructor(readonly entries: Map<string, PdfValue>) {}
  get(key: string): PdfValue | undefined {
    return this.entries.get(key);
  }
}
export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    /** The stream's bytes as stored (still encoded). */
    readonly raw: Uint8Array,
  ) {}
}

export class PdfFormatError extends Error {}

const WHITE = new Set([0, 9, 10, 12, 13, 32]);
const DELIMS = new Set([40, 41, 60, 62, 91, 93, 123, 125, 47, 37]);

/** Reads tokens and values from `bytes` at `pos`. */
export class PdfLexer {
  pos: number;
  constructor(
    readonly bytes: Uint8Array,
    pos = 0,
  ) {
    this.pos = pos;
  }

  skipSpace(): void {
    const b = this.bytes;
    while (this.pos < b.length) {
      const c = b[this.pos] as number;
      if (WHITE.has(c)) this.pos++;
      else if (c === 37) {
        while (this.pos < b.length && b[this.pos] !== 10 && b[this.pos] !== 13) this.pos++;
      } else break;
    }
  }

  /** The next value; keywords (operators, `obj`, `R`, `stream`, `]`, `>>`) come back as PdfKeyword. */
  next(): PdfValue | undefined {
    this.skipSpace();
    const b = this.bytes;
    if (this.pos >= b.length) return undefined;
    const c = b[this.pos] as number;
    if (c === 47) return new PdfName(this.#name());
    if (c === 40) return this.#literal();
    if (c === 60) {
      if (b[this.pos + 1] === 60) {
        this.pos += 2;
        return new PdfKeyword("<<");
      }
      return this.#hex();
    }
    if (c === 62 && b[this.pos + 1] === 62) {
      this.pos += 2;
      return new PdfKeyword(">>");
    }
    if (c === 91 || c === 93 || c === 123 || c === 125) {
      this.pos++;
      return new PdfKeyword(String.fromCharCode(c));
    }
    const start = this.pos;
    while (this.pos < b.length && !WHITE.has(b[this.pos] as number) && !DELIMS.has(b[this.pos] as number)) this.pos++;
    if (this.pos === start) throw new PdfFormatError(`unexpected byte ${c} at ${start}`);
    const word = latin1(b.subarray(start, this.pos));
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) return Number(word);
    if (word === "true") return true;
    if (word === "false") return false;
    if (word === "null") return null;
    return new PdfKeyword(word);
  }

  /** A whole value: arrays, dictionaries and `n g R` references assembled. */
  value(): PdfValue | undefined {
    const token = this.next();
    if (token instanceof PdfKeyword) {
      if (token.word === "[") {
        const items: PdfValue[] = [];
        for (;;) {
          const item = this.#item("]");
          if (item === END) return items;
          items.push(item);
        }
      }
      if (token.word === "<<") {
        const entries = new Map<string, PdfValue>();
        for (;;) {
          const key = this.next();
          if (key instanceof PdfKeyword && key.word === ">>") return new PdfDict(entries);
          if (!(key instanceof PdfName)) throw new PdfFormatError("a dictionary key that is not a name");
          const item = this.#item(">>");
          if (item === END) throw new PdfFormatError("a dictionary key without a value");
          entries.set(key.name, item);
        }
      }
    }
    if (typeof token === "number" && Number.isInteger(token)) {
      // `n g R`?
      const save = this.pos;
      const gen = this.next();
      if (typeof gen === "number" && Number.isInteger(gen)) {
        const r = this.next();
        if (r instanceof PdfKeyword && r.word === "R") return new PdfRef(token, gen);
      }
      this.pos = save;
    }
    return token;
  }

  #item(close: string): PdfValue | typeof END {
    const item = this.value();
    if (item === undefined) throw new PdfFormatError("unexpected end");
    if (item instanceof PdfKeyword && item.word === close) return END;
    if (item instanceof PdfKeyword && (item.word === "]" || item.word === ">>")) throw new PdfFormatError("unbalanced");
    return item;
  }

  #name(): string {
    const b = this.bytes;
    const start = ++this.pos;
    while (this.pos < b.length && !WHITE.has(b[this.pos] as number) && !DELIMS.has(b[this.pos] as number)) this.pos++;
    return latin1(b.subarray(start, this.pos)).replace(/#([0-9a-fA-F]{2})/g, (_, h: string) =>
      String.fromCharCode(Number.parseInt(h, 16)),
    );
  }

  #literal(): string {
    const b = this.bytes;
    let depth = 0;
    const start = this.pos;
    for (; this.pos < b.length; this.pos++) {
      const c = b[this.pos];
      if (c === 92) this.pos++;
      else if (c === 40) depth++;
      else if (c === 41 && --depth === 0) {
        this.pos++;
        // The caller never needs a string's value here: its bytes are enough.
        return latin1(b.subarray(start + 1, this.pos - 1));
      }
    }
    throw new PdfFormatError("an unterminated string");
  }

  #hex(): string {
    const b = this.bytes;
    const end = b.indexOf(62, this.pos);
    if (end < 0) throw new PdfFormatError("an unterminated hex string");
    const text = latin1(b.subarray(this.pos + 1, end));
    this.pos = end + 1;
    return text;
  }
}

const END = Symbol("end");

export function latin1(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}
