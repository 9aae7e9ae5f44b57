import { InputError } from "../../errors.js";

/** Pixels one TIFF page may have before the decoder allocates them (RGBA: 4 bytes each): 300 dpi A0 is 140 M. */
const MAX_PAGE_PIXELS = 200_000_000;

/**
 * Walks a TIFF's chain of image file directories (TIFF 6.0 §2) without decoding a pixel, so that `--max-pages`
 * holds for TIFF as for PDF and a hostile chain cannot run the decoder for ever: a chain that comes back to a
 * directory it passed is `corrupt`, more pages than `maxPages` is `too_large`, and so is a page whose size
 * would not fit in memory. Returns the page count.
 */
export function countTiffPages(bytes: Uint8Array, maxPages: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = bytes[0] === 0x49;
  const u16 = (at: number) => view.getUint16(at, little);
  const u32 = (at: number) => view.getUint32(at, little);
  const seen = new Set<number>();
  let offset = u32(4);
  let pages = 0;
  while (offset !== 0) {
    if (seen.has(offset)) {
      throw new InputError(
        "corrupt",
        `The TIFF's directory chain loops back to offset ${offset} after ${pages} page(s)`,
      );
    }
    seen.add(offset);
    if (offset + 2 > bytes.length) break; // a dangling pointer ends the chain (decoders stop there too)
    const count = u16(offset);
    if (offset + 2 + count * 12 + 4 > bytes.length) break;
    let width = 0;
    let height = 0;
    for (let i = 0; i < count; i++) {
      const entry = offset + 2 + i * 12;
      const tag = u16(entry);
      if (tag !== 256 && tag !== 257) continue;
      const value = u16(entry + 2) === 3 ? u16(entry + 8) : u32(entry + 8); // SHORT or LONG
      if (tag === 256) width = value;
      else height = value;
    }
    if (width * height > MAX_PAGE_PIXELS) {
      throw new InputError(
        "too_large",
        `TIFF page ${pages + 1} is ${width} × ${height} pixels, more than can be decoded`,
      );
    }
    pages += 1;
    if (pages > maxPages) {
      throw new InputError("too_large", `The TIFF has more than ${maxPages} pages, the limit (--max-pages)`);
    }
    offset = u32(offset + 2 + count * 12);
  }
  return pages;
}
