import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/errors.js";
import { OfdPackage } from "../../../src/stages/ofd/ofd-package.js";
import { parseXml } from "../../../src/stages/ofd/xml.js";
import { listZipEntries, readZipEntry } from "../../../src/stages/ofd/zip-entries.js";

const pkg = new OfdPackage(
  zipSync({
    "OFD.xml": strToU8("<OFD/>"),
    "Doc_0/Document.xml": strToU8("<Document/>"),
    "Doc_0/Pages/Page_0/Content.xml": strToU8("<Page/>"),
    "Doc_0/Res/Image_1.PNG": strToU8("png"),
    "Doc_0/Res/这是一个中文目录/数据文件.txt": strToU8("数据"),
  }),
);

const thrown = (fn: () => unknown): InputError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error("Expected an InputError, got none");
};

describe("OfdPackage.locate: ST_Loc references stay inside the package", () => {
  it.each([
    ["Pages/Page_0/Content.xml", "Doc_0", "Doc_0/Pages/Page_0/Content.xml"],
    ["/Doc_0/Pages/Page_0/Content.xml", "Doc_0/Pages", "Doc_0/Pages/Page_0/Content.xml"],
    ["./Pages/../Pages/Page_0/Content.xml", "Doc_0", "Doc_0/Pages/Page_0/Content.xml"],
    ["Pages\\Page_0\\Content.xml", "Doc_0", "Doc_0/Pages/Page_0/Content.xml"],
    // Root-relative without the leading slash (producers write it so).
    ["Doc_0/Pages/Page_0/Content.xml", "Doc_0", "Doc_0/Pages/Page_0/Content.xml"],
    // Another letter case than the part's name.
    ["image_1.png", "Doc_0/Res", "Doc_0/Res/Image_1.PNG"],
    ["这是一个中文目录/数据文件.txt", "Doc_0/Res", "Doc_0/Res/这是一个中文目录/数据文件.txt"],
  ])("%s from %s → %s", (reference, base, path) => {
    expect(pkg.locate(reference, base)).toEqual({ path });
  });

  it("tries the fallback folders after the standard reading", () => {
    expect(pkg.locate("Image_1.PNG", "Doc_0/Pages", ["Doc_0/Res"])).toEqual({ path: "Doc_0/Res/Image_1.PNG" });
  });

  it.each([
    ["file:///etc/passwd", "points outside the package"],
    ["http://127.0.0.1/page.xml", "points outside the package"],
    ["C:\\Windows\\win.ini", "points outside the package"],
    ["//server/share/x.xml", "points outside the package"],
    ["../../../../etc/passwd", "climbs above the package root"],
    ["Pages/Page_9/Content.xml", "is not in the package"],
    ["", "an empty reference"],
  ])("refuses %j: %s", (reference, why) => {
    const located = pkg.locate(reference, "Doc_0");
    expect("refused" in located && located.refused).toContain(why);
  });
});

describe("ZIP entries: inflated under a cap, damage named", () => {
  const big = zipSync({ "a.xml": new Uint8Array(1_000_000).fill(0x20) }, { level: 9 });

  it("reads an entry and refuses one that inflates past the cap, whatever its header says", () => {
    const [entry] = listZipEntries(big);
    if (!entry) throw new Error("no entry");
    expect(readZipEntry(big, entry, 2_000_000)).toHaveLength(1_000_000);
    const lying = { ...entry, size: 10 };
    expect(thrown(() => readZipEntry(big, lying, 100_000)).errorClass).toBe("too_large");
  });

  it("calls a cut ZIP, a cut entry and a damaged stream corrupt, an encrypted entry encrypted", () => {
    expect(thrown(() => listZipEntries(big.subarray(0, big.length - 30))).errorClass).toBe("corrupt");
    const [entry] = listZipEntries(big);
    if (!entry) throw new Error("no entry");
    expect(thrown(() => readZipEntry(big.subarray(0, 40), entry, 2_000_000)).errorClass).toBe("corrupt");
    const damaged = new Uint8Array(big);
    damaged.fill(0xff, 40, 60);
    expect(thrown(() => readZipEntry(damaged, entry, 2_000_000)).errorClass).toBe("corrupt");
    expect(thrown(() => readZipEntry(big, { ...entry, flags: entry.flags | 1 }, 2_000_000)).errorClass).toBe(
      "encrypted",
    );
    expect(thrown(() => readZipEntry(big, { ...entry, method: 12 }, 2_000_000)).errorClass).toBe("unsupported");
  });
});

describe("parseXml", () => {
  const parse = (xml: string | Uint8Array) => parseXml(typeof xml === "string" ? strToU8(xml) : xml, "t.xml");

  it("keeps local names (any prefix or none), attributes and text", () => {
    const root = parse('<a:Page xmlns:a="x"><a:TextCode X="1">甲&amp;乙</a:TextCode><TextCode>丙</TextCode></a:Page>');
    const page = root.children[0];
    expect(page?.name).toBe("Page");
    expect(page?.children.map((c) => [c.name, c.attrs.X ?? null, c.text])).toEqual([
      ["TextCode", "1", "甲&乙"],
      ["TextCode", null, "丙"],
    ]);
  });

  it("refuses DTD entity declarations (an entity-expansion bomb) and nesting past 256 levels", () => {
    const bomb = '<!DOCTYPE d [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><d>&b;</d>';
    expect(thrown(() => parse(bomb)).errorClass).toBe("unsupported");
    expect(thrown(() => parse(`${"<b>".repeat(300)}${"</b>".repeat(300)}`)).errorClass).toBe("unsupported");
  });

  it("decodes a GB2312 declaration and UTF-16 with a byte-order mark", () => {
    const gbk = new Uint8Array([
      ...strToU8('<?xml version="1.0" encoding="GB2312"?><t>'),
      0xd5,
      0xfe,
      0xb8,
      0xae,
      ...strToU8("</t>"),
    ]);
    expect(parse(gbk).children[0]?.text).toBe("政府");
    const utf16 = new Uint8Array(Buffer.from("\ufeff<t>报告</t>", "utf16le"));
    expect(parse(utf16).children[0]?.text).toBe("报告");
  });
});
