import type { CodedImage } from "../../model/coded-image.js";

/**
 * A one-page PDF whose page is `image`, one point per pixel ([0 0 width height]), painted upright over the whole
 * page: what pdf.js needs to decode a JBIG2, JPX or CCITT stream that came in another container. Objects: 1
 * catalog, 2 pages, 3 page, 4 contents, 5 image, 6 JBIG2 globals (when given). Byte offsets in the xref are exact.
 */
export function imagePdf(image: CodedImage): Uint8Array {
  const { width, height } = image;
  if (!(Number.isInteger(width) && width > 0 && Number.isInteger(height) && height > 0))
    throw new RangeError(`Expected the image's width and height to be positive integers, got ${width} × ${height}`);
  const parms: string[] = Object.entries(image.decodeParms ?? {}).map(([key, value]) => `/${key} ${value}`);
  if (image.globals) parms.push("/JBIG2Globals 6 0 R");
  const dict = [
    "/Type /XObject /Subtype /Image",
    `/Width ${width} /Height ${height}`,
    image.colorSpace ? `/ColorSpace /${image.colorSpace}` : "",
    image.bitsPerComponent ? `/BitsPerComponent ${image.bitsPerComponent}` : "",
    `/Filter /${image.filter}`,
    parms.length > 0 ? `/DecodeParms << ${parms.join(" ")} >>` : "",
    `/Length ${image.data.length}`,
  ]
    .filter((s) => s !== "")
    .join(" ");
  const content = `q ${width} 0 0 ${height} 0 0 cm /Im0 Do Q`;
  const objects: (string | [string, Uint8Array])[] = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>`,
    [`<< /Length ${content.length} >>`, new TextEncoder().encode(content)],
    [`<< ${dict} >>`, image.data],
  ];
  if (image.globals) objects.push([`<< /Length ${image.globals.length} >>`, image.globals]);
  return writePdf(objects);
}

/**
 * A PDF of `objects` (numbered from 1 in order, the first the catalog), each a dictionary or a stream's
 * dictionary and bytes, with an exact xref table.
 */
export function writePdf(objects: readonly (string | readonly [string, Uint8Array])[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const push = (part: string | Uint8Array) => {
    const bytes = typeof part === "string" ? latin1(part) : part;
    chunks.push(bytes);
    length += bytes.length;
  };
  push("%PDF-1.5\n%\xe2\xe3\xcf\xd3\n");
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(length);
    if (typeof object === "string") push(`${i + 1} 0 obj\n${object}\nendobj\n`);
    else {
      push(`${i + 1} 0 obj\n${object[0]}\nstream\n`);
      push(object[1]);
      push("\nendstream\nendobj\n");
    }
  });
  const xref = length;
  push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`);
  for (const offset of offsets) push(`${String(offset).padStart(10, "0")} 00000 n \n`);
  push(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
}
