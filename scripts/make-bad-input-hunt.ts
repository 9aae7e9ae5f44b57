/**
 * Bad-input fixtures of issue 13's hunt over the newer front ends (.doc/.wps through `cfb`, OFD), written into
 * tests/fixtures/bad-input/ with their entries in its manifest.json (replaced on each run). Each is a sample
 * with one structure made hostile: links in the compound file's directory tree that loop, a Word piece table
 * whose positions go back or whose offsets point past the stream, OFD pages that are one undecodable, oversized or JBIG2 picture, and neighbours of these that already ended well (kept
 * so that they stay so). Deterministic: byte edits of samples/formats/doc-official-2022.doc and
 * samples/ofd/ofd-plain-arith-errors-2023.ofd, ZIPs with fixed timestamps.
 * Run: npx tsx scripts/make-bad-input-hunt.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as CFB from "cfb";
import { strFromU8, strToU8, unzipSync, type Zippable, zipSync } from "fflate";
import { type ManifestEntry, writeManifestEntries } from "./bad-input-manifest.js";

const ROOT = join(import.meta.dirname, "..");
const DIR = join(ROOT, "tests/fixtures/bad-input");
const entries: ManifestEntry[] = [];
const write = (file: string, bytes: Uint8Array, about: string, expect: ManifestEntry["expect"]) => {
  writeFileSync(join(DIR, file), bytes);
  entries.push({ file, about, expect });
};
const failure = (errorClass: string) => ({ status: "failure", error_class: errorClass }) as const;

// ---- Word 97–2003 (.doc) ----
const doc = readFileSync(join(ROOT, "samples/formats/doc-official-2022.doc"));
const SECTOR = 512;
/** Offset of directory entry `n` (the sample's directory fits in its first directory sector). */
const entryAt = (bytes: Buffer, n: number) => SECTOR * (bytes.readUInt32LE(0x30) + 1) + n * 128;
const [LEFT, RIGHT, CHILD] = [0x44, 0x48, 0x4c];

/** The sample with its WordDocument and table streams edited by `edit` (rewritten by `cfb`). */
function editWord(edit: (word: Buffer, table: Buffer) => void): Buffer {
  const container = CFB.read(Buffer.from(doc), { type: "buffer" });
  const word = CFB.find(container, "WordDocument");
  const table = CFB.find(container, "1Table");
  if (!word || !table) throw new Error("Expected WordDocument and 1Table in doc-official-2022.doc");
  const w = Buffer.from(word.content as Uint8Array);
  const t = Buffer.from(table.content as Uint8Array);
  edit(w, t);
  word.content = w;
  table.content = t;
  return Buffer.from(CFB.write(container, { type: "buffer" }) as Uint8Array);
}
/** Offset in the WordDocument stream of FibRgFcLcb97 pair `index` (fc; lcb 4 bytes on). */
function fibPair(word: Buffer, index: number): number {
  const rgLw = 34 + word.readUInt16LE(32) * 2;
  return rgLw + 2 + word.readUInt16LE(rgLw) * 4 + 2 + index * 8;
}
/** Offset in the table stream of the Pcdt's PlcPcd, and its piece count. */
function plcPcd(word: Buffer, table: Buffer): { at: number; count: number } {
  let at = word.readUInt32LE(fibPair(word, 33));
  while (table[at] === 1) at += 3 + table.readUInt16LE(at + 1);
  return { at: at + 5, count: (table.readUInt32LE(at + 1) - 4) / 12 };
}
const [PLCF_BTE_PAPX, CLX] = [13, 33];

{
  const looped = Buffer.from(doc);
  // Root → entry 1 → (left) entry 2 → (right) entry 1: a cycle through two entries.
  looped.writeUInt32LE(1, entryAt(looped, 0) + CHILD);
  looped.writeUInt32LE(2, entryAt(looped, 1) + LEFT);
  looped.writeUInt32LE(1, entryAt(looped, 2) + RIGHT);
  write(
    "cfb-tree-cycle.doc",
    looped,
    "the v2021 .doc with its directory tree linking back (entry 1 → 2 → 1): cfb grew paths until memory ran out (too_large after 25 s)",
    failure("corrupt"),
  );
  const self = Buffer.from(doc);
  self.writeUInt32LE(0, entryAt(self, 0) + CHILD);
  write(
    "cfb-tree-self.doc",
    self,
    "the v2021 .doc whose root entry is its own child: its streams were lost and it was called a compound file without Word (unsupported)",
    failure("corrupt"),
  );
  const big = Buffer.from(doc);
  for (let n = 1; n < 4; n++) big.writeUInt32LE(0xfffffff0, entryAt(big, n) + 0x78);
  write("cfb-stream-size-huge.doc", big, "the v2021 .doc whose first streams declare 4 GiB each", failure("corrupt"));
}
write(
  "doc-pieces-backwards.doc",
  editWord((word, table) => {
    const { at, count } = plcPcd(word, table);
    for (let i = 0; i <= count; i++) table.writeUInt32LE(i === count ? 0 : 0x7fffffff - i, at + i * 4);
  }),
  "the v2021 .doc whose piece table's character positions run backwards: every piece dropped as empty, it read as no report (not_a_report)",
  failure("corrupt"),
);
write(
  "doc-pieces-offset-huge.doc",
  editWord((word, table) => {
    const { at, count } = plcPcd(word, table);
    for (let i = 0; i < count; i++) table.writeUInt32LE(0x3ffffff0, at + (count + 1) * 4 + i * 8 + 2);
  }),
  "the v2021 .doc whose pieces all start 1 GiB into the WordDocument stream",
  failure("corrupt"),
);
write(
  "doc-clx-offset-huge.doc",
  editWord((word) => word.writeUInt32LE(0xffffff00, fibPair(word, CLX))),
  "the v2021 .doc whose FIB puts the piece table 4 GiB into the table stream",
  failure("corrupt"),
);
write(
  "doc-papx-offset-huge.doc",
  editWord((word) => {
    word.writeUInt32LE(0xfffffff0, fibPair(word, PLCF_BTE_PAPX));
    word.writeUInt32LE(0xfffffff0, fibPair(word, PLCF_BTE_PAPX) + 4);
  }),
  "the v2021 .doc whose paragraph properties (PlcBtePapx) are 4 GiB long at 4 GiB",
  failure("corrupt"),
);
write(
  "doc-ccptext-huge.doc",
  editWord((word) => word.writeUInt32LE(0x7fffffff, 34 + word.readUInt16LE(32) * 2 + 2 + 3 * 4)),
  "the v2021 .doc whose FIB says the text has 2^31 characters (the piece table bounds what is read)",
  { status: "success", truth: "formats/doc-official-2022" },
);

// ---- OFD ----
const MTIME = new Date("1980-01-01T00:00:00Z");
const base = unzipSync(readFileSync(join(ROOT, "samples/ofd/ofd-plain-arith-errors-2023.ofd")));
const zip = (parts: Record<string, Uint8Array>): Uint8Array =>
  zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, [v, { mtime: MTIME }]])) as Zippable);
const DOC = "Doc_0/Document.xml";
const docXml = strFromU8(base[DOC] as Uint8Array);
const pages = (list: string) => docXml.replace(/<ofd:Pages>.*<\/ofd:Pages>/, `<ofd:Pages>${list}</ofd:Pages>`);

/** A one-page OFD whose page is one picture over the page, stored as `name` with `bytes`. */
function scanOfd(name: string, bytes: Uint8Array): Uint8Array {
  const page = `<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Area><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:Area><ofd:Content><ofd:Layer ID="2"><ofd:ImageObject ID="3" Boundary="0 0 210 297" CTM="210 0 0 297 0 0" ResourceID="50"/></ofd:Layer></ofd:Content></ofd:Page>`;
  const res = `<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="http://www.ofdspec.org/2016" BaseLoc="Res"><ofd:MultiMedias><ofd:MultiMedia ID="50" Type="Image"><ofd:MediaFile>${name}</ofd:MediaFile></ofd:MultiMedia></ofd:MultiMedias></ofd:Res>`;
  return zip({
    "OFD.xml": base["OFD.xml"] as Uint8Array,
    [DOC]: strToU8(pages('<ofd:Page ID="10" BaseLoc="Pages/Page_0/Content.xml"/>')),
    "Doc_0/DocumentRes.xml": strToU8(res),
    "Doc_0/PublicRes.xml": base["Doc_0/PublicRes.xml"] as Uint8Array,
    "Doc_0/Pages/Page_0/Content.xml": strToU8(page),
    [`Doc_0/Res/${name}`]: bytes,
  });
}
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const pngHeader = Buffer.alloc(33);
pngHeader.set([...PNG_SIGNATURE, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
pngHeader.writeUInt32BE(100_000, 16);
pngHeader.writeUInt32BE(100_000, 20);
pngHeader.set([8, 0], 24);
write(
  "ofd-scan-png-bomb.ofd",
  scanOfd("scan.png", pngHeader),
  "an OFD page that is one PNG declaring 100,000 × 100,000 pixels (was unsupported: blank page, OCR read nothing)",
  failure("too_large"),
);
write(
  "ofd-scan-png-garbage.ofd",
  scanOfd("scan.png", Uint8Array.from([...PNG_SIGNATURE, ...new Array<number>(500).fill(0x33)])),
  "an OFD page that is one PNG of garbage after its signature (was unsupported: blank page, OCR read nothing)",
  failure("corrupt"),
);
write(
  "ofd-scan-jbig2.ofd",
  scanOfd(
    "scan.jb2",
    Uint8Array.from([0x97, 0x4a, 0x42, 0x32, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array<number>(200).fill(0x55)]),
  ),
  "an OFD page that is one JBIG2 file whose segments are garbage (was unreadable after 35 s of OCR of a blank page, then unsupported while JBIG2 was not decoded)",
  failure("corrupt"),
);
write(
  "ofd-scan-unknown-format.ofd",
  scanOfd(
    "scan.avs",
    Uint8Array.from([0x00, 0x00, 0x06, 0x72, 0x00, 0x00, 0x09, 0x23, ...new Array<number>(400).fill(0x80)]),
  ),
  "an OFD page that is one picture in a format gongkai does not read (AVS-like raw pixels; was drawn as a blank page for OCR)",
  failure("unsupported"),
);
write(
  "ofd-deltax-g-bomb.ofd",
  zip({
    ...base,
    "Doc_0/Pages/Page_1/Content.xml": strToU8(
      strFromU8(base["Doc_0/Pages/Page_1/Content.xml"] as Uint8Array).replace(
        /DeltaX="[^"]*"/,
        'DeltaX="g 1000000000 4.2"',
      ),
    ),
  }),
  "the base OFD with a DeltaX run repeating a step a billion times (only as many as the text has are taken)",
  { status: "success", truth: "arith-errors-2023" },
);

writeManifestEntries(join(DIR, "manifest.json"), entries);
console.log(`wrote ${entries.length} fixtures to ${DIR}`);
