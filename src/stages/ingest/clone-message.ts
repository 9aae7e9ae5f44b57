/**
 * The copy of a message that `structuredClone(value, { transfer })` makes, for the values pdf.js posts between
 * its two sides: primitives, plain objects and instances of its classes (a Glyph, a Ref: copied as plain objects
 * of their own enumerable properties), dense arrays, Maps, Sets, typed arrays and ArrayBuffers. References shared
 * inside the message stay shared; a transferred buffer is moved (the sender's copy is detached), any other buffer is
 * copied whole, as the structured clone algorithm does. Node's structuredClone serialises every value through
 * V8's serializer: on the 30-report bench it was a ninth of a document process's CPU (text content is posted in
 * chunks of a few items, operator lists every 1000 operators).
 *
 * Anything else (a Date, an Error, a boxed primitive, a platform object, a sparse array, a shared, resizable or detached
 * buffer, a transfer list with anything but distinct buffers) makes `cloneMessage` return `UNCLONED` before it
 * has changed anything: the caller then runs structuredClone, which copies it or throws as it always did.
 * Two differences pdf.js never meets are left for speed: an array's named (non-index) properties are not copied,
 * and a Proxy is copied through its traps where structuredClone refuses it.
 */
export const UNCLONED: unique symbol = Symbol("uncloned");

type ViewClass = new (buffer: ArrayBuffer, byteOffset: number, length: number) => ArrayBufferView;
/** ES2024's ArrayBuffer members (Node ≥ 21; the project's lib is ES2023). */
type Es2024Buffer = ArrayBuffer & { readonly detached: boolean; readonly resizable: boolean; transfer(): ArrayBuffer };

const VIEW_CLASSES: ReadonlySet<ViewClass> = new Set<ViewClass>([
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
]);

class Unhandled extends Error {}

/** Stands for a transferred buffer, or a view on one, until the buffer is moved (moving detaches the sender's). */
class Moved {
  value: unknown = null;
}

interface Fixup {
  readonly container: Record<string | number, unknown>;
  readonly key: string | number;
  readonly moved: Moved;
}

class Cloner {
  readonly #seen = new Map<object, unknown>();
  readonly #copies = new Map<ArrayBuffer, ArrayBuffer>();
  /** Each transferred buffer and what to make of it once moved. */
  readonly #moves = new Map<ArrayBuffer, ((moved: ArrayBuffer) => void)[]>();
  readonly #fixups: Fixup[] = [];

  constructor(transfer: readonly unknown[]) {
    for (const item of transfer) {
      if (!(item instanceof ArrayBuffer) || !isPlainBuffer(item) || this.#moves.has(item)) throw new Unhandled();
      this.#moves.set(item, []);
    }
  }

  clone(value: unknown): unknown {
    if (typeof value !== "object" || value === null) {
      if (typeof value === "function" || typeof value === "symbol") throw new Unhandled();
      return value;
    }
    const seen = this.#seen.get(value);
    if (seen !== undefined) return seen;
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto === Array.prototype) return this.#cloneArray(value as unknown[]);
    if (proto === Object.prototype || proto === null) return this.#cloneObject(value as Record<string, unknown>);
    if (ArrayBuffer.isView(value)) return this.#cloneView(value);
    if (proto === ArrayBuffer.prototype) return this.#cloneBuffer(value as ArrayBuffer);
    if (proto === Map.prototype) return this.#cloneMap(value as Map<unknown, unknown>);
    if (proto === Set.prototype) return this.#cloneSet(value as Set<unknown>);
    // An instance of a class of pdf.js's (a Glyph, a Ref): the structured clone of an ordinary object is a plain
    // object with its own enumerable properties. Built-ins with internal slots (Date, Error, a boxed primitive,
    // a Promise…) and platform objects say otherwise here.
    if (Object.prototype.toString.call(value) === "[object Object]") {
      return this.#cloneObject(value as Record<string, unknown>);
    }
    throw new Unhandled();
  }

  /** Moves the transferred buffers and puts what stands for them in place; returns the clone of `root`. */
  finish(root: unknown): unknown {
    for (const [buffer, uses] of this.#moves) {
      const moved = (buffer as Es2024Buffer).transfer();
      for (const use of uses) use(moved);
    }
    for (const { container, key, moved } of this.#fixups) container[key] = moved.value;
    return root instanceof Moved ? root.value : root;
  }

  #put(container: Record<string | number, unknown>, key: string | number, value: unknown): void {
    // Most of a message is numbers and strings: no call for them.
    if (typeof value === "number" || typeof value === "string") {
      container[key] = value;
      return;
    }
    const copy = this.clone(value);
    container[key] = copy;
    if (copy instanceof Moved) this.#fixups.push({ container, key, moved: copy });
  }

  #cloneArray(array: unknown[]): unknown[] {
    const copy: unknown[] = new Array(array.length);
    this.#seen.set(array, copy);
    for (let i = 0; i < array.length; i++) {
      const item = array[i];
      if (item === undefined && !(i in array)) throw new Unhandled();
      this.#put(copy as unknown as Record<number, unknown>, i, item);
    }
    return copy;
  }

  #cloneObject(object: Record<string, unknown>): Record<string, unknown> {
    const copy: Record<string, unknown> = {};
    this.#seen.set(object, copy);
    for (const key of Object.keys(object)) {
      // Assigning `__proto__` would set the prototype instead of an own property.
      if (key === "__proto__") throw new Unhandled();
      this.#put(copy, key, object[key]);
    }
    return copy;
  }

  #cloneMap(map: Map<unknown, unknown>): Map<unknown, unknown> {
    const copy = new Map<unknown, unknown>();
    this.#seen.set(map, copy);
    for (const [key, value] of map) copy.set(this.#settled(key), this.#settled(value));
    return copy;
  }

  #cloneSet(set: Set<unknown>): Set<unknown> {
    const copy = new Set<unknown>();
    this.#seen.set(set, copy);
    for (const value of set) copy.add(this.#settled(value));
    return copy;
  }

  /** The clone of a Map's or Set's member, which cannot wait for a buffer's move. */
  #settled(value: unknown): unknown {
    const copy = this.clone(value);
    if (copy instanceof Moved) throw new Unhandled();
    return copy;
  }

  #cloneView(view: ArrayBufferView): unknown {
    const Class = (Object.getPrototypeOf(view) as { constructor?: unknown } | null)?.constructor as ViewClass;
    const { buffer, byteOffset } = view;
    if (!VIEW_CLASSES.has(Class) || !(buffer instanceof ArrayBuffer) || !isPlainBuffer(buffer)) {
      throw new Unhandled();
    }
    const { length } = view as unknown as { readonly length: number };
    const uses = this.#moves.get(buffer);
    let copy: unknown;
    if (uses === undefined) copy = new Class(this.#copyOf(buffer), byteOffset, length);
    else {
      const moved = new Moved();
      uses.push((buffer) => {
        moved.value = new Class(buffer, byteOffset, length);
      });
      copy = moved;
    }
    this.#seen.set(view, copy);
    return copy;
  }

  #cloneBuffer(buffer: ArrayBuffer): unknown {
    if (!isPlainBuffer(buffer)) throw new Unhandled();
    const uses = this.#moves.get(buffer);
    if (uses === undefined) return this.#copyOf(buffer);
    const moved = new Moved();
    uses.push((buffer) => {
      moved.value = buffer;
    });
    this.#seen.set(buffer, moved);
    return moved;
  }

  #copyOf(buffer: ArrayBuffer): ArrayBuffer {
    let copy = this.#copies.get(buffer);
    if (copy === undefined) {
      copy = buffer.slice(0);
      this.#copies.set(buffer, copy);
      this.#seen.set(buffer, copy);
    }
    return copy;
  }
}

function isPlainBuffer(buffer: ArrayBuffer): boolean {
  const { detached, resizable } = buffer as Es2024Buffer;
  return !detached && !resizable;
}

/** The message as structuredClone would copy it (transferring `transfer`), or UNCLONED (nothing changed). */
export function cloneMessage(value: unknown, transfer: readonly unknown[] = []): unknown {
  try {
    const cloner = new Cloner(transfer);
    const copy = cloner.clone(value);
    return cloner.finish(copy);
  } catch (error) {
    if (error instanceof Unhandled) return UNCLONED;
    throw error;
  }
}
