import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { cloneMessage, UNCLONED } from "../../../src/stages/ingest/clone-message.js";

class Glyph {
  readonly unicode: string;
  readonly width: number;
  #hidden = 1;
  constructor(unicode: string, width: number) {
    this.unicode = unicode;
    this.width = width;
  }
  get hidden(): number {
    return this.#hidden;
  }
}

/** [1, <hole>, 3]. */
function sparse(): unknown[] {
  const array: unknown[] = [1];
  array[2] = 3;
  return array;
}

const styles = Object.create(null) as Record<string, unknown>;
styles.g_d0_f1 = { fontFamily: "sans-serif", vertical: false };

describe("cloneMessage", () => {
  it.each([
    ["primitives", { a: 1, b: "两", c: true, d: null, e: undefined, f: -0, g: Number.NaN, h: 10n }],
    ["a text content chunk", { items: [{ str: "总计", transform: [12, 0, 0, 12, 90.5, 700] }], styles }],
    ["an operator list chunk", { fnArray: [91, 44], argsArray: [null, [new Glyph("一", 1000)]], lastChunk: false }],
    ["a Map and a Set", { ops: new Map([["g1", { fnArray: [1] }]]), ids: new Set(["3R", "4R"]) }],
    ["typed arrays", { data: new Float32Array([1, 2.5]), minMax: new Float32Array([0, 1, 2, 3]) }],
    ["a view on part of a buffer", { view: new Uint8Array(new ArrayBuffer(8), 2, 4) }],
    ["a sparse array falls back", { holes: sparse() }],
    ["a Date falls back", { when: new Date(0) }],
    ["an Error falls back", { reason: new TypeError("bad XRef") }],
  ])("copies %s as structuredClone does", (_name, message) => {
    const fast = cloneMessage(message);
    const copy = fast === UNCLONED ? structuredClone(message) : fast;
    const expected = structuredClone(message);
    expect(isDeepStrictEqual(copy, expected)).toBe(true);
    expect(JSON.stringify(copy, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v))).toBe(
      JSON.stringify(expected, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v)),
    );
    expect(copy).not.toBe(message);
  });

  it("copies class instances and null-prototype objects as plain objects, as structuredClone does", () => {
    const copy = cloneMessage({ glyph: new Glyph("一", 1000), styles }) as Record<string, object>;
    expect(Object.getPrototypeOf(copy.glyph)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(copy.styles)).toBe(Object.prototype);
    expect(copy.glyph).toEqual({ unicode: "一", width: 1000 });
  });

  it("keeps references shared inside the message shared, and cycles", () => {
    const shared = [1, 2];
    const message: Record<string, unknown> = { a: shared, b: shared };
    message.self = message;
    const copy = cloneMessage(message) as Record<string, unknown>;
    expect(copy.a).toBe(copy.b);
    expect(copy.a).not.toBe(shared);
    expect(copy.self).toBe(copy);
  });

  it("moves a transferred buffer (the sender's is detached) and copies the others", () => {
    const moved = new Uint8Array([1, 2, 3]);
    const kept = new Uint8Array([4, 5]);
    const copy = cloneMessage({ moved, again: moved, kept }, [moved.buffer]) as Record<string, Uint8Array>;
    expect([...(copy.moved ?? [])]).toEqual([1, 2, 3]);
    expect(copy.again).toBe(copy.moved);
    expect(moved.byteLength).toBe(0);
    expect([...(copy.kept ?? [])]).toEqual([4, 5]);
    expect(copy.kept?.buffer).not.toBe(kept.buffer);
    expect(kept.byteLength).toBe(2);
  });

  it("changes nothing when it falls back: a transferred buffer stays attached for structuredClone", () => {
    const moved = new Uint8Array([1, 2, 3]);
    expect(cloneMessage({ moved, when: new Date(0) }, [moved.buffer])).toBe(UNCLONED);
    expect(moved.byteLength).toBe(3);
    expect(cloneMessage({ moved }, [moved.buffer, moved.buffer])).toBe(UNCLONED);
    expect(moved.byteLength).toBe(3);
  });

  it("throws what reading the message throws", () => {
    const message = {
      get broken(): number {
        throw new RangeError("getter");
      },
    };
    expect(() => cloneMessage(message)).toThrow(RangeError);
  });
});
