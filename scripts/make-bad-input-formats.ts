/**
 * The bad-input fixtures of the formats of issue 15 (.doc, .wps, .mht), written into tests/fixtures/bad-input/
 * beside the PDF ones, with their entries in its manifest.json (replaced on each run). Deterministic: they are
 * cut or edited from samples/formats/. Run: npx tsx scripts/make-bad-input-formats.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as CFB from "cfb";

const ROOT = join(import.meta.dirname, "..");
const DIR = join(ROOT, "tests/fixtures/bad-input");
const FORMATS = join(ROOT, "samples/formats");

interface Entry {
  readonly file: string;
  readonly about: string;
  readonly expect: { readonly status: "failure"; readonly error_class: string };
}

const entries: Entry[] = [];
const write = (file: string, bytes: Uint8Array | string, about: string, errorClass: string) => {
  writeFileSync(join(DIR, file), bytes);
  entries.push({ file, about, expect: { status: "failure", error_class: errorClass } });
};

const doc = readFileSync(join(FORMATS, "doc-official-2022.doc"));
write(
  "doc-truncated-50.doc",
  doc.subarray(0, doc.length / 2),
  "the v2021 .doc sample cut at 50 % (inside its sectors)",
  "corrupt",
);
write(
  "doc-truncated-header.doc",
  doc.subarray(0, 400),
  "the v2021 .doc sample cut after 400 bytes (inside the CFB header)",
  "corrupt",
);

/** A compound file holding the given root streams (names as stored). */
function compound(streams: Record<string, Uint8Array>): Buffer {
  const container = CFB.utils.cfb_new();
  for (const [name, bytes] of Object.entries(streams)) CFB.utils.cfb_add(container, `/${name}`, Buffer.from(bytes));
  return Buffer.from(CFB.write(container, { type: "buffer" }) as Uint8Array);
}

write(
  "doc-no-worddocument.doc",
  compound({ CONTENTS: new TextEncoder().encode("Works text"), MatOST: new Uint8Array(64) }),
  "a compound file with Microsoft Works streams (CONTENTS, MatOST) and no WordDocument stream, named .doc",
  "unsupported",
);

// The v2021 .doc with FibBase.fEncrypted set: the streams are plain, the flag says they are not.
const container = CFB.read(doc, { type: "buffer" });
const word = CFB.find(container, "WordDocument");
if (!word) throw new Error("Expected a WordDocument stream in doc-official-2022.doc");
const wordBytes = Buffer.from(word.content as Uint8Array);
wordBytes.writeUInt16LE(wordBytes.readUInt16LE(0x0a) | 0x0100, 0x0a);
word.content = wordBytes;
write(
  "doc-encrypted.doc",
  Buffer.from(CFB.write(container, { type: "buffer" }) as Uint8Array),
  "the v2021 .doc sample with FibBase.fEncrypted set (a password-protected Word document)",
  "encrypted",
);

// Every entry of the first FAT sector pointing to itself: each sector chain is a loop of one.
const looped = Buffer.from(doc);
const sector = 1 << looped.readUInt16LE(0x1e);
const firstFat = looped.readUInt32LE(0x4c);
for (let i = 0; i < sector / 4; i++) {
  const at = sector * (firstFat + 1) + i * 4;
  if (looped.readUInt32LE(at) < 0xfffffffa) looped.writeUInt32LE(i, at);
}
write(
  "doc-fat-loop.doc",
  looped,
  "the v2021 .doc sample with every sector chain of its first FAT sector a loop",
  "corrupt",
);

write(
  "doc-rtf.doc",
  "{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0 SimSun;}}\\f0\\fs24 \\'c4\\'ea\\'b1\\'a8\\par}\n",
  "Rich Text Format under a .doc name (what AbiWord's --to=doc writes)",
  "unsupported",
);
write(
  "wps-kingsoft.wps",
  Buffer.concat([Buffer.from([0xff, 0x57, 0x50, 0x53, 0x00, 0x01]), Buffer.alloc(2042, 0x20)]),
  "a .wps that is no compound file (WPS Office's own older format)",
  "unsupported",
);

const boundary = "----=_NextPart_000_0000_01D95631.5A3B2C10";
const mht = (headers: string, parts: readonly string[], declared = boundary) =>
  [
    "From: <Saved by Windows Internet Explorer 8>",
    "MIME-Version: 1.0",
    `Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="${declared}"`,
    headers,
    "",
    ...parts.map((p) => `--${boundary}\r\n${p}`),
    `--${boundary}--`,
    "",
  ].join("\r\n");
const png = readFileSync(join(FORMATS, "pictures-page-v2019-2019_files/table3.png")).toString("base64");

write(
  "mht-no-html.mht",
  mht("", [
    `Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Location: http://example.gov.cn/a.png\r\n\r\n${png}`,
  ]),
  "a web archive whose only part is a PNG: no HTML page",
  "corrupt",
);
write(
  "mht-broken-boundary.mht",
  mht("", ["Content-Type: text/html\r\n\r\n<html><body><p>年报</p></body></html>"], "----=_NextPart_999_BROKEN"),
  "a web archive whose declared boundary never occurs in its body",
  "corrupt",
);

// The picture page's HTML with its pictures pointing outside any archive: nothing may be fetched or read.
const picturePage = readFileSync(join(FORMATS, "pictures-page-v2019-2019.html"), "utf8");
let n = 0;
const external = [
  "http://www.example.gov.cn/u/table1.png",
  "file:///etc/passwd",
  "../../../../etc/hosts",
  "cid:table4@missing",
];
const html = picturePage.replace(/src="[^"]*"/g, () => `src="${external[n++ % external.length]}"`);
write(
  "mht-external-refs.mht",
  mht("", [
    `Content-Type: text/html;\r\n\tcharset="utf-8"\r\nContent-Transfer-Encoding: base64\r\nContent-Location: http://www.example.gov.cn/zwgk/t2019.html\r\n\r\n${Buffer.from(html).toString("base64")}`,
  ]),
  "the page of three table pictures with its pictures on the web, at file:///etc/passwd, ../ and a missing cid: (never fetched): title read, no table",
  "no_tables",
);

// A 33-byte-header PNG declaring 100,000 × 100,000 pixels in place of each picture.
const bomb = Buffer.alloc(33);
Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).copy(bomb, 0);
bomb.write("IHDR", 12, "latin1");
bomb.writeUInt32BE(100_000, 16);
bomb.writeUInt32BE(100_000, 20);
bomb.writeUInt8(8, 24);
const bombed = picturePage.replace(/src="[^"]*"/g, (_, i) => `src="http://www.example.gov.cn/zwgk/bomb${i}.png"`);
const bombParts = [...bombed.matchAll(/src="([^"]*)"/g)].map(
  (m) =>
    `Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Location: ${m[1]}\r\n\r\n${bomb.toString("base64")}`,
);
write(
  "mht-picture-bomb.mht",
  mht("", [
    `Content-Type: text/html;\r\n\tcharset="utf-8"\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: http://www.example.gov.cn/zwgk/t2019.html\r\n\r\n${bombed.replace(/=/g, "=3D")}`,
    ...bombParts,
  ]),
  "the page of three table pictures, each a PNG declaring 100,000 × 100,000 pixels: never decoded",
  "no_tables",
);

const manifestPath = join(DIR, "manifest.json");
const names = new Set(entries.map((e) => e.file));
const kept = (JSON.parse(readFileSync(manifestPath, "utf8")) as Entry[]).filter((e) => !names.has(e.file));
const all = [...kept, ...entries];
writeFileSync(
  manifestPath,
  `[\n${all
    .map(
      (e) =>
        `  ${JSON.stringify(e)
          .replace(/":/g, '": ')
          .replace(/,"/g, ', "')
          .replace(/^\{/, "{ ")
          .replace(/\}$/, " }")
          .replace(/\{"status/, '{ "status')
          .replace(/"\}/g, '" }')}`,
    )
    .join(",\n")}\n]\n`,
);
console.log(`wrote ${entries.length} fixtures to ${DIR}`);
