import { InputError } from "../../../errors.js";

/**
 * Little-endian reads from one stream of a Word binary file that never go past its end: an offset a FIB,
 * piece table or FKP points outside its stream makes the file `corrupt`, never a read of bytes that are not
 * there.
 */
export class StreamReader {
  private readonly view: DataView;

  constructor(
    readonly bytes: Uint8Array,
    /** The stream's name, for messages (`WordDocument`, `1Table`, `Data`). */
    readonly name: string,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get length(): number {
    return this.bytes.length;
  }

  u8(at: number): number {
    this.check(at, 1);
    return this.view.getUint8(at);
  }

  u16(at: number): number {
    this.check(at, 2);
    return this.view.getUint16(at, true);
  }

  i16(at: number): number {
    this.check(at, 2);
    return this.view.getInt16(at, true);
  }

  u32(at: number): number {
    this.check(at, 4);
    return this.view.getUint32(at, true);
  }

  /** `length` bytes from `at` (a view, not a copy). */
  slice(at: number, length: number): Uint8Array {
    this.check(at, length);
    return this.bytes.subarray(at, at + length);
  }

  private check(at: number, length: number): void {
    if (!Number.isInteger(at) || at < 0 || length < 0 || at + length > this.bytes.length) {
      throw new InputError(
        "corrupt",
        `The Word file points past the end of its ${this.name} stream (${length} byte(s) at ${at}, the stream has ${this.bytes.length})`,
      );
    }
  }
}
