import { inflateSync } from "node:zlib";
import {
  latin1,
  PdfDict,
  PdfFormatError,
  PdfKeyword,
  PdfLexer,
  PdfName,
  PdfRef,
  PdfStream,
  type PdfValue,
} from "./pdf-lexer.js";

/**
 * Just enough of a PDF reader to find a scan page's JPEG without pdf.js (pdf-scan-pages.ts): the cross-reference
 * (tables, streams, object streams, /Prev chains), objects, and Flate streams with PNG predictors. Anything else
 * (encryption, a broken xref pdf.js would rebuild, other filters) throws, and the caller leaves the document to
 * pdf.js. Nothing here decodes an image.
 */
type XrefEntry = { readonly offset: number } | { readonly stream: number; readonly index: number };

/** A PDF's objects by number, read on demand. */
export class PdfObjects {
  readonly trailer: PdfDict;
  readonly #xref = new Map<number, XrefEntry>();
  readonly #cache = new Map<number, PdfValue>();
  readonly #objectStreams = new Map<number, { data: Uint8Array; offsets: Map<number, number> }>();

  constructor(readonly bytes: Uint8Array) {
    const tail = latin1(bytes.subarray(Math.max(0, bytes.length - 2048)));
    const at = /startxref\s+(\d+)\s*%%EOF\s*$/.exec(tail) ?? /startxref\s+(\d+)/.exec(tail);
    if (at === null) throw new PdfFormatError("no startxref");
    let trailer: PdfDict | null = null;
    const seen = new Set<number>();
    const pending = [Number(at[1])];
    while (pending.length > 0) {
      const offset = pending.shift() as number;
      if (seen.has(offset) || seen.size > 64) continue;
      seen.add(offset);
      const section = this.#readXref(offset);
      trailer ??= section;
      const stm = section.get("XRefStm");
      if (typeof stm === "number") pending.unshift(stm);
      const prev = section.get("Prev");
      if (typeof prev === "number") pending.push(prev);
    }
    if (trailer === null) throw new PdfFormatError("no trailer");
    if (trailer.get("Encrypt") !== undefined) throw new PdfFormatError("encrypted");
    this.trailer = trailer;
  }

  /** `value`, or the object it refers to. */
  resolve(value: PdfValue | undefined): PdfValue | undefined {
    for (let hops = 0; value instanceof PdfRef; hops++) {
      if (hops > 32) throw new PdfFormatError("a reference loop");
      value = this.object(value.num);
    }
    return value;
  }

  object(num: number): PdfValue {
    const cached = this.#cache.get(num);
    if (cached !== undefined) return cached;
    const entry = this.#xref.get(num);
    let value: PdfValue = null;
    if (entry !== undefined && "offset" in entry) value = entry.offset < 0 ? null : this.#objectAt(entry.offset, num);
    else if (entry !== undefined) {
      const stream = this.#objectStream(entry.stream);
      const offset = stream.offsets.get(num);
      if (offset === undefined) throw new PdfFormatError(`object ${num} is not in its object stream`);
      value = new PdfLexer(stream.data, offset).value() ?? null;
    }
    this.#cache.set(num, value);
    return value;
  }

  /** A stream's decoded bytes: no filter or Flate (with a PNG or TIFF-less predictor); other filters throw. */
  decode(stream: PdfStream): Uint8Array {
    const filters = this.#list(stream.dict.get("Filter"));
    const parms = this.#list(stream.dict.get("DecodeParms"));
    let data = stream.raw;
    filters.forEach((filter, i) => {
      if (!(filter instanceof PdfName) || (filter.name !== "FlateDecode" && filter.name !== "Fl"))
        throw new PdfFormatError("a filter other than Flate");
      data = inflateSync(data);
      const p = parms[i];
      if (p instanceof PdfDict) data = this.#unpredict(data, p);
    });
    return data;
  }

  #list(value: PdfValue | undefined): PdfValue[] {
    const resolved = this.resolve(value);
    if (resolved === undefined || resolved === null) return [];
    return Array.isArray(resolved) ? resolved.map((v) => this.resolve(v) ?? null) : [resolved];
  }

  #unpredict(data: Uint8Array, parms: PdfDict): Uint8Array {
    const predictor = this.resolve(parms.get("Predictor"));
    if (predictor === undefined || predictor === 1) return data;
    if (typeof predictor !== "number" || predictor < 10) throw new PdfFormatError("a TIFF predictor");
    const colors = Number(this.resolve(parms.get("Colors")) ?? 1);
    const bits = Number(this.resolve(parms.get("BitsPerComponent")) ?? 8);
    const columns = Number(this.resolve(parms.get("Columns")) ?? 1);
    const bpp = Math.max(1, Math.ceil((colors * bits) / 8));
    const rowBytes = Math.ceil((colors * bits * columns) / 8);
    const rows = Math.floor(data.length / (rowBytes + 1));
    const out = new Uint8Array(rows * rowBytes);
    for (let r = 0; r < rows; r++) {
      const type = data[r * (rowBytes + 1)] as number;
      const src = r * (rowBytes + 1) + 1;
      const at = r * rowBytes;
      for (let i = 0; i < rowBytes; i++) {
        const x = data[src + i] as number;
        const left = i >= bpp ? (out[at + i - bpp] as number) : 0;
        const up = r > 0 ? (out[at - rowBytes + i] as number) : 0;
        const upLeft = r > 0 && i >= bpp ? (out[at - rowBytes + i - bpp] as number) : 0;
        let v: number;
        if (type === 0) v = x;
        else if (type === 1) v = x + left;
        else if (type === 2) v = x + up;
        else if (type === 3) v = x + ((left + up) >> 1);
        else if (type === 4) {
          const p = left + up - upLeft;
          const pa = Math.abs(p - left);
          const pb = Math.abs(p - up);
          const pc = Math.abs(p - upLeft);
          v = x + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
        } else throw new PdfFormatError("a PNG filter type above 4");
        out[at + i] = v & 255;
      }
    }
    return out;
  }

  #objectAt(offset: number, num: number): PdfValue {
    const lexer = new PdfLexer(this.bytes, offset);
    const n = lexer.next();
    lexer.next();
    const obj = lexer.next();
    if (n !== num || !(obj instanceof PdfKeyword) || obj.word !== "obj")
      throw new PdfFormatError(`object ${num} is not at its offset`);
    const value = lexer.value() ?? null;
    if (!(value instanceof PdfDict)) return value;
    const save = lexer.pos;
    const keyword = lexer.next();
    if (!(keyword instanceof PdfKeyword) || keyword.word !== "stream") {
      lexer.pos = save;
      return value;
    }
    let start = lexer.pos;
    if (this.bytes[start] === 13) start++;
    if (this.bytes[start] === 10) start++;
    const length = this.resolve(value.get("Length"));
    if (typeof length !== "number" || length < 0 || start + length > this.bytes.length)
      throw new PdfFormatError(`object ${num}'s stream length`);
    const after = latin1(this.bytes.subarray(start + length, start + length + 32));
    if (!/^\s*endstream/.test(after)) throw new PdfFormatError(`object ${num}'s stream length`);
    return new PdfStream(value, this.bytes.subarray(start, start + length));
  }

  #objectStream(num: number): { data: Uint8Array; offsets: Map<number, number> } {
    const known = this.#objectStreams.get(num);
    if (known !== undefined) return known;
    const stream = this.object(num);
    if (!(stream instanceof PdfStream)) throw new PdfFormatError("an object stream that is not a stream");
    const data = this.decode(stream);
    const n = Number(this.resolve(stream.dict.get("N")));
    const first = Number(this.resolve(stream.dict.get("First")));
    const lexer = new PdfLexer(data);
    const offsets = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const obj = lexer.next();
      const off = lexer.next();
      if (typeof obj !== "number" || typeof off !== "number") throw new PdfFormatError("an object stream's header");
      offsets.set(obj, first + off);
    }
    const read = { data, offsets };
    this.#objectStreams.set(num, read);
    return read;
  }

  /** Reads the xref section at `offset` into the table (earlier sections win) and returns its trailer. */
  #readXref(offset: number): PdfDict {
    const lexer = new PdfLexer(this.bytes, offset);
    const first = lexer.next();
    if (first instanceof PdfKeyword && first.word === "xref") {
      for (;;) {
        const start = lexer.next();
        if (start instanceof PdfKeyword && start.word === "trailer") break;
        const count = lexer.next();
        if (typeof start !== "number" || typeof count !== "number") throw new PdfFormatError("an xref table");
        for (let i = 0; i < count; i++) {
          const off = lexer.next();
          lexer.next();
          const kind = lexer.next();
          if (typeof off !== "number" || !(kind instanceof PdfKeyword)) throw new PdfFormatError("an xref entry");
          if (kind.word === "n" && !this.#xref.has(start + i)) this.#xref.set(start + i, { offset: off });
          else if (kind.word === "f" && !this.#xref.has(start + i)) this.#xref.set(start + i, { offset: -1 });
        }
      }
      const trailer = lexer.value();
      if (!(trailer instanceof PdfDict)) throw new PdfFormatError("no trailer dictionary");
      return trailer;
    }
    // An xref stream: `n g obj << /Type /XRef … >> stream`.
    if (typeof first !== "number") throw new PdfFormatError("no xref at startxref");
    const stream = this.#objectAt(offset, first);
    if (!(stream instanceof PdfStream) || !(stream.dict.get("Type") instanceof PdfName))
      throw new PdfFormatError("no xref stream at startxref");
    const widths = stream.dict.get("W");
    if (!Array.isArray(widths) || widths.length !== 3) throw new PdfFormatError("an xref stream's /W");
    const [w0, w1, w2] = widths.map(Number) as [number, number, number];
    const size = Number(stream.dict.get("Size"));
    const index = stream.dict.get("Index");
    const ranges = Array.isArray(index) ? index.map(Number) : [0, size];
    const data = this.decode(stream);
    let p = 0;
    const field = (w: number, fallback: number) => {
      if (w === 0) return fallback;
      let v = 0;
      for (let i = 0; i < w; i++) v = v * 256 + (data[p++] as number);
      return v;
    };
    for (let r = 0; r + 1 < ranges.length; r += 2) {
      const start = ranges[r] as number;
      for (let i = 0; i < (ranges[r + 1] as number); i++) {
        if (p + w0 + w1 + w2 > data.length) throw new PdfFormatError("a short xref stream");
        const type = field(w0, 1);
        const a = field(w1, 0);
        const b = field(w2, 0);
        const num = start + i;
        if (this.#xref.has(num)) continue;
        if (type === 1) this.#xref.set(num, { offset: a });
        else if (type === 2) this.#xref.set(num, { stream: a, index: b });
        else this.#xref.set(num, { offset: -1 });
      }
    }
    return stream.dict;
  }
}
