/**
 * An image in a codec the platform's image decoders do not read but pdf.js does (in WebAssembly): JBIG2, JPEG 2000
 * (JPX), CCITT fax. It is decoded by wrapping it as the one image of a one-page PDF (stages/ingest
 * `decodeCodedImage`). Producers of other containers (an OFD's `.jb2` resource) hand it over in this form.
 */
export interface CodedImage {
  readonly filter: "JBIG2Decode" | "JPXDecode" | "CCITTFaxDecode";
  /** Pixels. */
  readonly width: number;
  readonly height: number;
  /** 1 for JBIG2 and CCITT (bilevel); absent for JPX, which says its own. */
  readonly bitsPerComponent?: number;
  /** Absent for JPX, which says its own. */
  readonly colorSpace?: "DeviceGray" | "DeviceRGB";
  /** The filter's number and boolean parameters (CCITT's /K, /Columns, /Rows, /BlackIs1 …). */
  readonly decodeParms?: Readonly<Record<string, number | boolean>>;
  /** JBIG2's global segments (page association 0), passed as /JBIG2Globals. */
  readonly globals?: Uint8Array;
  /** The stream as the filter reads it (for JBIG2: the embedded format, no file header). */
  readonly data: Uint8Array;
}

/** Decoded pixels: 8-bit gray, row-major, 0 = black, 255 = white. */
export interface GrayPixels {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** Decodes a coded image; throws an `InputError` (`corrupt`, `too_large`) for one that cannot be decoded. */
export type CodedImageDecoder = (image: CodedImage) => Promise<GrayPixels>;
