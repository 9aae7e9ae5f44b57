/**
 * Bad-input fixtures of scanned PDF pages whose picture cannot be decoded (issue 13): a one-page "scan" whose
 * only content is an image XObject covering the page, its data seeded garbage under each filter a scanner
 * writes (JBIG2, JPX, DCT, Flate, CCITT G4), and a picture declaring 100,000 × 100,000 pixels. Written into
 * tests/fixtures/bad-input/ with their entries in its manifest.json (replaced on each run). Deterministic.
 * Run: npx tsx scripts/make-bad-input-images.ts
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeManifestEntries } from "./bad-input-manifest.js";
import { seededBytes } from "./seeded-bytes.js";

const ROOT = join(import.meta.dirname, "..");
const DIR = join(ROOT, "tests/fixtures/bad-input");

/** A one-page A4 PDF painting one image XObject (`dict` its extra keys, `data` its stream) over the page. */
function scanPdf(dict: string, data: Buffer): Buffer {
  const content = "q 595 0 0 842 0 0 cm /Im1 Do Q";
  const objects: Buffer[] = [
    Buffer.from("<< /Type /Catalog /Pages 2 0 R >>"),
    Buffer.from("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
    Buffer.from(
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
    ),
    Buffer.concat([
      Buffer.from(`<< /Type /XObject /Subtype /Image ${dict} /Length ${data.length} >>\nstream\n`),
      data,
      Buffer.from("\nendstream"),
    ]),
    Buffer.from(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`),
  ];
  const parts: Buffer[] = [Buffer.from("%PDF-1.5\n")];
  let length = parts[0]?.length ?? 0;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const object = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from("\nendobj\n")]);
    parts.push(object);
    length += object.length;
  });
  let xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) xref += `${String(offset).padStart(10, "0")} 00000 n \n`;
  xref += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`;
  return Buffer.concat([...parts, Buffer.from(xref)]);
}

const A4_150DPI = "/Width 1240 /Height 1754";
const GRAY = "/ColorSpace /DeviceGray";
const entries: { file: string; about: string; expect: { status: "failure"; error_class: string } }[] = [];
const write = (file: string, pdf: Buffer, about: string, errorClass: string) => {
  writeFileSync(join(DIR, file), pdf);
  entries.push({ file, about, expect: { status: "failure", error_class: errorClass } });
};

write(
  "scan-jbig2-garbage.pdf",
  scanPdf(`${A4_150DPI} /BitsPerComponent 1 ${GRAY} /Filter /JBIG2Decode`, seededBytes(4096, 21)),
  "a scan page whose JBIG2 picture is 4 KiB of garbage (was unreadable, as if the page were blank)",
  "corrupt",
);
write(
  "scan-jpx-garbage.pdf",
  scanPdf(
    `${A4_150DPI} /Filter /JPXDecode`,
    Buffer.concat([Buffer.from("0000000c6a5020200d0a870a", "hex"), seededBytes(4096, 22)]),
  ),
  "a scan page whose JPEG 2000 picture is a JP2 signature then garbage (was unreadable)",
  "corrupt",
);
write(
  "scan-dct-garbage.pdf",
  scanPdf(`${A4_150DPI} /BitsPerComponent 8 ${GRAY} /Filter /DCTDecode`, seededBytes(4096, 23)),
  "a scan page whose JPEG picture is garbage (was unreadable)",
  "corrupt",
);
write(
  "scan-flate-garbage.pdf",
  scanPdf(`${A4_150DPI} /BitsPerComponent 8 ${GRAY} /Filter /FlateDecode`, seededBytes(4096, 24)),
  "a scan page whose Flate picture is garbage: pdf.js decodes it as zeros, a solid black page (was unreadable)",
  "corrupt",
);
write(
  "scan-image-bomb.pdf",
  scanPdf(`/Width 100000 /Height 100000 /BitsPerComponent 8 ${GRAY} /Filter /FlateDecode`, seededBytes(1024, 25)),
  "a scan page whose picture declares 100,000 × 100,000 pixels (10^10) in 1 KiB",
  "too_large",
);

writeManifestEntries(join(DIR, "manifest.json"), entries);
console.log(`wrote ${entries.length} fixtures to ${DIR}`);
