import { execFileSync } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InputError } from "../../../src/errors.js";
import { detectKind } from "../../../src/stages/ingest/detect-kind.js";
import { decodeFileName, fileNameOf, shortenName } from "../../../src/stages/ingest/file-name.js";
import { checkImageSize } from "../../../src/stages/ingest/image-size.js";
import { readInput } from "../../../src/stages/ingest/read-input.js";
import { countTiffPages } from "../../../src/stages/ingest/tiff-pages.js";
import { decodeHtml } from "../../../src/stages/markup/decode-html.js";
import { readDocumentXml } from "../../../src/stages/markup/read-docx-xml.js";
import { tinyTiff } from "../../bad-input/make-hostile.js";

/** Ingest checks against issue 13's hostile inputs, one by one (the batch runs them in tests/bad-input). */
const errorClassOf = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof InputError ? error.errorClass : `not an InputError: ${String(error)}`;
  }
};

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "gongkai-ingest-"));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("file names", () => {
  it.each([
    ["UTF-8", Buffer.from("2023年报.pdf"), "2023年报.pdf"],
    ["GBK", Buffer.from([0xc4, 0xea, 0xb1, 0xa8, 0x2e, 0x70, 0x64, 0x66]), "年报.pdf"],
    ["neither", Buffer.from([0xff, 0xfe, 0x2e, 0x70, 0x64, 0x66]), "%FF%FE.pdf"],
  ])("decodes a %s name", (_kind, bytes, name) => {
    expect(decodeFileName(bytes)).toBe(name);
    expect(fileNameOf(Buffer.concat([Buffer.from("/a/b/"), bytes]))).toBe(name);
  });

  it("keeps short names, cuts long ones on a character boundary with a hash", () => {
    expect(shortenName("2023年报")).toBe("2023年报");
    const long = shortenName("报".repeat(100));
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(200);
    expect(long).toMatch(/^报+~[0-9a-f]{10}$/);
    expect(shortenName(`${"报".repeat(100)}甲`)).not.toBe(shortenName(`${"报".repeat(100)}乙`));
  });
});

describe("reading an input", () => {
  it("refuses a FIFO and a device without reading them, and a file past maxBytes", async () => {
    const fifo = join(dir, "fifo.pdf");
    execFileSync("mkfifo", [fifo]);
    await expect(readInput(fifo)).rejects.toMatchObject({ errorClass: "unsupported" });
    await expect(readInput("/dev/zero")).rejects.toMatchObject({ errorClass: "unsupported" });
    const socket = join(dir, "socket.pdf");
    const server = createServer().listen(socket);
    await once(server, "listening");
    await expect(readInput(socket)).rejects.toMatchObject({ errorClass: "unsupported" });
    server.close();
    await expect(
      readInput(join(import.meta.dirname, "hostile-ingest.test.ts"), { maxBytes: 10 }),
    ).rejects.toMatchObject({ errorClass: "too_large" });
  });
});

describe("paged and packed inputs", () => {
  it("counts TIFF pages without decoding; a looping chain is corrupt, too many pages too_large", () => {
    expect(countTiffPages(tinyTiff(3), 10)).toBe(3);
    expect(errorClassOf(() => countTiffPages(tinyTiff(3, true), 10))).toBe("corrupt");
    expect(errorClassOf(() => countTiffPages(tinyTiff(11), 10))).toBe("too_large");
  });

  it("refuses a PNG that declares more pixels than can be decoded", () => {
    const png = new Uint8Array(33);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    new DataView(png.buffer).setUint32(16, 100_000);
    new DataView(png.buffer).setUint32(20, 100_000);
    expect(errorClassOf(() => checkImageSize(png, "png"))).toBe("too_large");
    new DataView(png.buffer).setUint32(16, 2480);
    new DataView(png.buffer).setUint32(20, 3508);
    expect(errorClassOf(() => checkImageSize(png, "png"))).toBeNull();
  });

  it("reads a UTF-16 document.xml by its byte-order mark", () => {
    const xml = '<?xml version="1.0" encoding="UTF-16"?><w:document>年报</w:document>';
    const zip = zipSync({ "word/document.xml": new Uint8Array(Buffer.from(`\ufeff${xml}`, "utf16le")) });
    expect(readDocumentXml(zip)).toBe(xml);
  });

  it("a ZIP signature at offset 0 wins over %PDF- in the first KiB", () => {
    const zip = zipSync({ "%PDF-1.7.txt": [strToU8("%PDF-1.7"), { level: 0 }], "word/document.xml": strToU8("<x/>") });
    expect(detectKind(zip)).toBe("docx");
  });
});

describe("HTML charsets (WHATWG prescan)", () => {
  it("reads UTF-8 bytes under a charset=utf-16 label as UTF-8", () => {
    const page = '<html><head><meta charset="utf-16"></head><body>本年新收政府信息公开申请</body></html>';
    expect(decodeHtml(new TextEncoder().encode(page))).toEqual({ text: page, encoding: "utf-8" });
  });

  it("reads UTF-16 markup without a byte-order mark, and detects it as HTML", () => {
    const page = "<html><body>本年新收政府信息公开申请</body></html>";
    for (const [encoding, bytes] of [
      ["utf-16le", Buffer.from(page, "utf16le")],
      ["utf-16be", Buffer.from(page, "utf16le").swap16()],
    ] as const) {
      expect(detectKind(new Uint8Array(bytes))).toBe("html");
      expect(decodeHtml(new Uint8Array(bytes))).toEqual({ text: page, encoding });
    }
  });

  it("ignores a declared charset the bytes do not fit", () => {
    const page = '<meta charset="shift_jis"><p>本年新收</p>';
    expect(decodeHtml(new TextEncoder().encode(page)).text).toBe(page);
  });
});
