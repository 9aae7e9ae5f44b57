import type { CodedImage } from "../../model/coded-image.js";

/** The JBIG2 file header's ID string (ITU-T T.88 D.4.1): 97 4A 42 32 0D 0A 1A 0A. */
const FILE_ID = [0x97, 0x4a, 0x42, 0x32, 0x0d, 0x0a, 0x1a, 0x0a];

/** Segment types (T.88 7.3) this conversion looks at. */
const PAGE_INFORMATION = 48;
const END_OF_STRIPE = 50;
const END_OF_FILE = 51;

export function isJbig2File(bytes: Uint8Array): boolean {
  return FILE_ID.every((b, i) => bytes[i] === b);
}

interface Segment {
  readonly type: number;
  readonly page: number;
  /** The segment's header bytes as written. */
  readonly header: Uint8Array;
  readonly dataLength: number;
}

/**
 * A JBIG2 image as PDF's JBIG2Decode reads it (the "embedded" organisation, T.88 D.3), from a JBIG2 file — an
 * OFD's `.jb2` resource (GB/T 33190 names JBIG2 among an image's formats). The file's header goes; its segments,
 * written one after the other (sequential organisation) or all headers first (random access), become one stream
 * of header-and-data pairs for the first page, and the global segments (page 0, e.g. a shared symbol dictionary)
 * the /JBIG2Globals stream. The size is the first page's page-information segment's (a page of unknown height
 * ends at its last end-of-stripe row). Null when the bytes are no JBIG2 file this reads: a header or segment cut
 * short, a region of unknown length (0xFFFFFFFF, ended by a marker this does not search for), no page.
 */
export function jbig2FileImage(bytes: Uint8Array): CodedImage | null {
  if (!isJbig2File(bytes) || bytes.length < 9) return null;
  const flags = bytes[8] as number;
  const sequential = (flags & 1) === 1;
  let at = 9 + ((flags & 2) === 0 ? 4 : 0);
  const segments: Segment[] = [];
  const data: Uint8Array[] = [];
  while (at < bytes.length) {
    const segment = readSegmentHeader(bytes, at);
    if (segment === null) return null;
    at += segment.header.length;
    segments.push(segment);
    if (sequential) {
      if (at + segment.dataLength > bytes.length) return null;
      data.push(bytes.subarray(at, at + segment.dataLength));
      at += segment.dataLength;
    }
    if (segment.type === END_OF_FILE) break;
  }
  if (!sequential) {
    for (const segment of segments) {
      if (at + segment.dataLength > bytes.length) return null;
      data.push(bytes.subarray(at, at + segment.dataLength));
      at += segment.dataLength;
    }
  }
  const firstPage = segments.find((s) => s.type === PAGE_INFORMATION)?.page;
  if (firstPage === undefined) return null;
  const pageInfo = data[segments.findIndex((s) => s.type === PAGE_INFORMATION && s.page === firstPage)];
  if (pageInfo === undefined || pageInfo.length < 8) return null;
  const width = readUint32(pageInfo, 0);
  let height = readUint32(pageInfo, 4);
  const stream = (page: number) =>
    concat(
      segments.flatMap((s, i) => (s.page === page && s.type !== END_OF_FILE ? [s.header, data[i] as Uint8Array] : [])),
    );
  if (height === 0xffffffff) {
    const ends = segments.flatMap((s, i) =>
      s.type === END_OF_STRIPE && s.page === firstPage && (data[i]?.length ?? 0) >= 4
        ? [readUint32(data[i] as Uint8Array, 0) + 1]
        : [],
    );
    height = Math.max(0, ...ends);
  }
  if (width === 0 || height === 0) return null;
  const globals = segments.some((s) => s.page === 0) ? stream(0) : undefined;
  return {
    filter: "JBIG2Decode",
    width,
    height,
    bitsPerComponent: 1,
    colorSpace: "DeviceGray",
    data: stream(firstPage),
    ...(globals ? { globals } : {}),
  };
}

/** A segment header (T.88 7.2) at `at`, or null when it runs past the bytes or its data length is unknown. */
function readSegmentHeader(bytes: Uint8Array, at: number): Segment | null {
  if (at + 6 > bytes.length) return null;
  const number = readUint32(bytes, at);
  const flags = bytes[at + 4] as number;
  let p = at + 5;
  // Referred-to segments: a count in the top 3 bits of one byte (with 5 retention bits), or 7 there and a
  // 29-bit count in four bytes followed by ⌈(count + 1) / 8⌉ bytes of retention bits.
  let count = (bytes[p] as number) >> 5;
  if (count === 7) {
    if (p + 4 > bytes.length) return null;
    count = readUint32(bytes, p) & 0x1fffffff;
    p += 4 + Math.ceil((count + 1) / 8);
  } else p += 1;
  const numberSize = number <= 256 ? 1 : number <= 65536 ? 2 : 4;
  p += count * numberSize;
  const pageSize = flags & 0x40 ? 4 : 1;
  if (p + pageSize + 4 > bytes.length) return null;
  const page = pageSize === 4 ? readUint32(bytes, p) : (bytes[p] as number);
  p += pageSize;
  const dataLength = readUint32(bytes, p);
  p += 4;
  if (dataLength === 0xffffffff) return null;
  return { type: flags & 0x3f, page, header: bytes.subarray(at, p), dataLength };
}

function readUint32(bytes: Uint8Array, at: number): number {
  return (
    (((bytes[at] as number) << 24) |
      ((bytes[at + 1] as number) << 16) |
      ((bytes[at + 2] as number) << 8) |
      (bytes[at + 3] as number)) >>>
    0
  );
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
