import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/errors.js";
import { detectKind } from "../../../src/stages/ingest/detect-kind.js";
import { findArchiveImage } from "../../../src/stages/ingest/find-page-image.js";
import { decodeQuotedPrintable, readWebArchive } from "../../../src/stages/ingest/read-web-archive.js";

const CRLF = "\r\n";
const bytes = (text: string) => new Uint8Array(Buffer.from(text, "latin1"));

function archive(
  parts: readonly string[],
  head = 'Content-Type: multipart/related; type="text/html"; boundary="b1"',
): string {
  return [`MIME-Version: 1.0`, head, "", "preamble", ...parts.map((p) => `--b1${CRLF}${p}`), "--b1--", ""].join(CRLF);
}

describe("readWebArchive", () => {
  it("finds the page, decodes quoted-printable in the part's charset bytes, keeps locations and ids", () => {
    const gbk = "=D5=FE=B8=AE"; // 政府 in GBK
    const a = readWebArchive(
      bytes(
        archive([
          `Content-Type: text/html;${CRLF}\tcharset="gb2312"${CRLF}Content-Transfer-Encoding: quoted-printable${CRLF}Content-Location: http://x.gov.cn/a/t.htm${CRLF}${CRLF}<p>${gbk}=${CRLF}=E4=BF</p>`,
          `Content-Type: image/png${CRLF}Content-Transfer-Encoding: base64${CRLF}Content-ID: <img1@x>${CRLF}Content-Location: http://x.gov.cn/a/t_files/1.png${CRLF}${CRLF}iVBO${CRLF}Rw0K`,
        ]),
      ),
    );
    expect(a.html).toMatchObject({ type: "text/html", charset: "gb2312", location: "http://x.gov.cn/a/t.htm" });
    // A soft line break (=CRLF) joins the bytes around it.
    expect([...a.html.body()]).toEqual([
      ...Buffer.from("<p>"),
      0xd5,
      0xfe,
      0xb8,
      0xae,
      0xe4,
      0xbf,
      ...Buffer.from("</p>"),
    ]);
    expect(new TextDecoder("gbk").decode(a.html.body().subarray(3, 7))).toBe("政府");
    expect(a.parts[1]).toMatchObject({ type: "image/png", contentId: "img1@x" });
    expect([...(a.parts[1]?.body() ?? [])].slice(0, 4)).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it("keeps 8-bit bodies byte for byte (0x80–0x9F are not Windows-1252 remapped)", () => {
    const raw = `Content-Type: text/html; charset=gbk${CRLF}Content-Transfer-Encoding: 8bit${CRLF}${CRLF}\x80\x93\x9f\xd5\xfe`;
    expect([...readWebArchive(bytes(archive([raw]))).html.body()]).toEqual([0x80, 0x93, 0x9f, 0xd5, 0xfe]);
  });

  it("follows nested multiparts and the start parameter", () => {
    const inner = `Content-Type: multipart/alternative; boundary="b2"${CRLF}${CRLF}--b2${CRLF}Content-Type: text/plain${CRLF}${CRLF}plain${CRLF}--b2${CRLF}Content-Type: text/html${CRLF}Content-ID: <main>${CRLF}${CRLF}<p>html</p>${CRLF}--b2--`;
    const a = readWebArchive(bytes(archive([inner], 'Content-Type: multipart/related; start="<main>"; boundary="b1"')));
    expect(a.parts.map((p) => p.type)).toEqual(["text/plain", "text/html"]);
    expect(new TextDecoder().decode(a.html.body())).toBe("<p>html</p>");
  });

  it.each([
    ["no HTML part", archive([`Content-Type: image/gif${CRLF}${CRLF}GIF89a`]), /^corrupt: .*no HTML page/],
    [
      "a boundary that never occurs",
      archive(["Content-Type: text/html\r\n\r\n<p>x</p>"]).replaceAll("--b1", "--zz"),
      /^corrupt: .*never occurs/,
    ],
    [
      "no boundary parameter",
      "MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\nbody",
      /^corrupt: .*declares no boundary/,
    ],
  ])("%s is a clear error", (_name, text, expected) => {
    let message = "no error";
    try {
      readWebArchive(bytes(text));
    } catch (error) {
      message = error instanceof InputError ? `${error.errorClass}: ${error.message}` : String(error);
    }
    expect(message).toMatch(expected);
  });

  it("decodes quoted-printable soft breaks and leaves a stray = as itself", () => {
    expect(new TextDecoder().decode(decodeQuotedPrintable("a=3Db=\r\nc = d=ZZ"))).toBe("a=bc = d=ZZ");
  });
});

describe("findArchiveImage", () => {
  const a = readWebArchive(
    bytes(
      archive([
        `Content-Type: text/html${CRLF}Content-Location: http://x.gov.cn/a/t.htm${CRLF}${CRLF}<img src="t_files/1.png">`,
        `Content-Type: image/png${CRLF}Content-Location: http://x.gov.cn/a/t_files/1.png${CRLF}${CRLF}PNG1`,
        `Content-Type: image/png${CRLF}Content-ID: <c2>${CRLF}${CRLF}PNG2`,
        `Content-Type: image/png${CRLF}Content-Location: file:///C:/Users/x/report.files/image003.png${CRLF}${CRLF}PNG3`,
      ]),
    ),
  );
  const text = (src: string) => {
    const found = findArchiveImage(a, src);
    return "bytes" in found ? new TextDecoder().decode(found.bytes) : `missing: ${found.missing}`;
  };

  it.each([
    ["t_files/1.png", "PNG1"],
    ["http://x.gov.cn/a/t_files/1.png", "PNG1"],
    ["cid:c2", "PNG2"],
    ["report.files/image003.png", "PNG3"],
    ["data:image/png;base64,UE5HNA==", "PNG4"],
  ])("%s → %s", (src, expected) => {
    expect(text(src)).toBe(expected);
  });

  it("never fetches: a web address not in the archive is missing", () => {
    expect(text("http://elsewhere.example/table.png")).toMatch(/^missing: .*never fetched/);
  });
});

describe("detectKind: the formats of issue 15", () => {
  it.each([
    ["an OLE compound file", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), "cfb"],
    [
      "Chrome's .mhtml",
      bytes(
        'From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="x"\r\n\r\n--x\r\n<html>',
      ),
      "mht",
    ],
    ["a single-part .mht", bytes("MIME-Version: 1.0\nContent-Type: text/html; charset=gb2312\n\n<html>"), "mht"],
    ["RTF under a .doc name", bytes("{\\rtf1\\ansi\\ansicpg936 x}"), "rtf"],
    ["HTML that mentions MIME-Version later", bytes("<html><p>MIME-Version: 1.0</p>"), "html"],
  ])("%s → %s", (_name, data, kind) => {
    expect(detectKind(data)).toBe(kind);
  });
});
