import { InputError } from "../../errors.js";

/** Pixels a PNG or JPEG page may have before it is decoded (RGBA, 4 bytes each): 300 dpi A0 is 140 M. */
const MAX_IMAGE_PIXELS = 200_000_000;

/**
 * The size a PNG (IHDR) or JPEG (first SOFn marker) declares, checked before the decoder allocates it: a
 * few KiB can declare 100,000 × 100,000 pixels (a decompression bomb), which is `too_large` unread.
 */
export function checkImageSize(bytes: Uint8Array, kind: "png" | "jpeg"): void {
  const size = kind === "png" ? pngSize(bytes) : jpegSize(bytes);
  if (size && size.width * size.height > MAX_IMAGE_PIXELS) {
    throw new InputError(
      "too_large",
      `The ${kind.toUpperCase()} image is ${size.width} × ${size.height} pixels, more than can be decoded`,
    );
  }
}

function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  // The size is IHDR's, the first chunk: bytes that do not say IHDR there are no PNG header (the decoder says so).
  if (bytes.length < 24 || String.fromCharCode(...bytes.subarray(12, 16)) !== "IHDR") return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function jpegSize(bytes: Uint8Array): { width: number; height: number } | null {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1] as number;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    const length = ((bytes[at + 2] as number) << 8) | (bytes[at + 3] as number);
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = ((bytes[at + 5] as number) << 8) | (bytes[at + 6] as number);
      const width = ((bytes[at + 7] as number) << 8) | (bytes[at + 8] as number);
      return { width, height };
    }
    at += 2 + length;
  }
  return null;
}
