import { describe, expect, it } from "vitest";
import { encodeGbk } from "../../../scripts/samples-past-html.js";
import { declaredCharset, decodeHtml } from "../../../src/stages/markup/decode-html.js";

const utf8 = (s: string) => new TextEncoder().encode(s);
const gbk = (s: string) => new Uint8Array(encodeGbk(s));

describe("decodeHtml", () => {
  it("reads a <meta charset> declaration", () => {
    expect(declaredCharset('<head><meta charset="GBK"><title>x</title>')).toBe("gbk");
    expect(declaredCharset("<meta http-equiv=Content-Type content='text/html; charset=gb2312'>")).toBe("gb2312");
    expect(declaredCharset("<meta name=viewport content=width=device-width>")).toBeNull();
  });

  it("decodes GB2312-declared pages as GB18030 (their superset)", () => {
    const page =
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>政府信息公开（六）其他处理</body></html>';
    const { text, encoding } = decodeHtml(gbk(page));
    expect(encoding).toBe("gb18030");
    expect(text).toContain("政府信息公开（六）其他处理");
  });

  it("sniffs an undeclared page: valid UTF-8 stays UTF-8, anything else is read as GBK", () => {
    expect(decodeHtml(utf8("<p>本年新收</p>"))).toEqual({ text: "<p>本年新收</p>", encoding: "utf-8" });
    expect(decodeHtml(gbk("<p>本年新收</p>"))).toEqual({ text: "<p>本年新收</p>", encoding: "gb18030" });
  });

  it("reads a UTF-8 page saved under its old GBK declaration as UTF-8", () => {
    const page = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>本年新收政府信息公开申请</p>';
    expect(decodeHtml(utf8(page))).toEqual({ text: page, encoding: "utf-8" });
    // Real GBK bytes under the same declaration stay GBK (they are not valid UTF-8).
    expect(decodeHtml(gbk(page)).encoding).toBe("gb18030");
  });

  it("trusts a byte-order mark over a declaration", () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('<meta charset="gbk"><p>年度报告</p>')]);
    expect(decodeHtml(bom).text).toContain("年度报告");
    const le = new Uint8Array([
      0xff,
      0xfe,
      ...new Uint8Array(new Uint16Array([..."<p>报告</p>"].map((c) => c.charCodeAt(0))).buffer),
    ]);
    expect(decodeHtml(le)).toEqual({ text: "<p>报告</p>", encoding: "utf-16le" });
  });
});
