// Writes the OFD fixtures of the bad-input corpus (tests/fixtures/bad-input/ofd-*.ofd) from the plain OFD sample
// (samples/ofd/ofd-plain-arith-errors-2023.ofd, "the base OFD"). Deterministic: fixed ZIP timestamps, no
// randomness. Their expected outcomes are in tests/fixtures/bad-input/manifest.json.
// Usage: npx tsx scripts/make-ofd-bad-inputs.ts
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, type Zippable, zipSync } from "fflate";

const ROOT = join(import.meta.dirname, "..");
const OUT = join(ROOT, "tests/fixtures/bad-input");
const BASE = join(ROOT, "samples/ofd/ofd-plain-arith-errors-2023.ofd");
const MTIME = new Date("1980-01-01T00:00:00Z");

type Parts = Record<string, Uint8Array>;

const zip = (parts: Parts): Uint8Array =>
  zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, [v, { mtime: MTIME }]])) as Zippable);
const text = (parts: Parts, name: string): string => strFromU8(parts[name] as Uint8Array);
const without = (parts: Parts, drop: (name: string) => boolean): Parts =>
  Object.fromEntries(Object.entries(parts).filter(([name]) => !drop(name)));
const withPart = (parts: Parts, name: string, value: string): Parts => ({ ...parts, [name]: strToU8(value) });

const DOC = "Doc_0/Document.xml";

/** The makers, by fixture name. Each returns the fixture's bytes. */
const MAKERS: Record<string, (base: Uint8Array, parts: Parts) => Uint8Array> = {
  /** Cut in the middle: no end of central directory. */
  "ofd-truncated.ofd": (base) => base.subarray(0, Math.floor(base.length / 2)),
  /** The entry point removed; Doc_0/Document.xml is still there, so it is an OFD that lost OFD.xml. */
  "ofd-no-ofd-xml.ofd": (_, parts) => zip(without(parts, (n) => n === "OFD.xml")),
  /** Every page's content part removed. */
  "ofd-missing-pages.ofd": (_, parts) => zip(without(parts, (n) => /\/Pages\/.*Content\.xml$/.test(n))),
  /** Document.xml with a billion-laughs DTD (ten levels of ten entity references). */
  "ofd-xml-bomb.ofd": (_, parts) => {
    const levels = Array.from({ length: 10 }, (_, i) =>
      i === 0 ? '<!ENTITY lol0 "lol">' : `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`,
    ).join("");
    const doc = text(parts, DOC)
      .replace(/<ofd:Document /, `<!DOCTYPE ofd:Document [${levels}]>\n<ofd:Document `)
      .replace("<ofd:MaxUnitID>", "<ofd:MaxUnitID>&lol9;");
    return zip(withPart(parts, DOC, doc));
  },
  /** Every page's BaseLoc points outside the package: a URL, a file URL, a drive path, `..` above the root. */
  "ofd-external-refs.ofd": (_, parts) => {
    const outside = [
      "file:///etc/passwd",
      "http://127.0.0.1:9/page.xml",
      "C:\\Windows\\win.ini",
      "../../../../etc/passwd",
    ];
    let i = 0;
    const doc = text(parts, DOC).replace(/BaseLoc="[^"]*"/g, () => `BaseLoc="${outside[i++ % outside.length]}"`);
    return zip(withPart(parts, DOC, doc));
  },
  /**
   * The base report with references out of the package in its resources: an image on page 1 whose file is
   * `file:///etc/passwd`, one at `../../../../../etc/shadow`, and a resource folder at an http URL. Nothing
   * outside is opened; the report reads as the base.
   */
  "ofd-external-media.ofd": (_, parts) => {
    const res =
      '<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="http://www.ofdspec.org/2016" BaseLoc="http://127.0.0.1:9/res/"><ofd:MultiMedias>' +
      '<ofd:MultiMedia ID="9001" Type="Image" Format="PNG"><ofd:MediaFile>file:///etc/passwd</ofd:MediaFile></ofd:MultiMedia>' +
      '<ofd:MultiMedia ID="9002" Type="Image" Format="PNG"><ofd:MediaFile>../../../../../etc/shadow</ofd:MediaFile></ofd:MultiMedia>' +
      "</ofd:MultiMedias></ofd:Res>";
    const page = "Doc_0/Pages/Page_0/Content.xml";
    const images =
      '<ofd:ImageObject ID="9003" ResourceID="9001" Boundary="150 250 40 30" CTM="40 0 0 30 0 0"/>' +
      '<ofd:ImageObject ID="9004" ResourceID="9002" Boundary="20 250 40 30" CTM="40 0 0 30 0 0"/>';
    const content = text(parts, page).replace("</ofd:Layer>", `${images}</ofd:Layer>`);
    return zip(withPart(withPart(parts, "Doc_0/DocumentRes.xml", res), page, content));
  },
  /** Document.xml listing 10,000 pages (all the same part): past --max-pages (1000). */
  "ofd-ten-thousand-pages.ofd": (_, parts) => {
    const pages = Array.from(
      { length: 10_000 },
      (_, i) => `<ofd:Page ID="${i + 1}" BaseLoc="Pages/Page_0/Content.xml"/>`,
    );
    const doc = text(parts, DOC).replace(/<ofd:Pages>.*<\/ofd:Pages>/s, `<ofd:Pages>${pages.join("")}</ofd:Pages>`);
    return zip(withPart(parts, DOC, doc));
  },
  /** A composite unit drawn ten times by the next, eight deep (10^8 objects from a few KiB): too_large. */
  "ofd-composite-fanout.ofd": (_, parts) => {
    const units = Array.from({ length: 8 }, (_, level) => {
      const id = 9100 + level;
      const inner =
        level === 7
          ? '<ofd:TextObject ID="9200" Boundary="0 0 10 5" Font="1" Size="3"><ofd:TextCode X="0" Y="3">字</ofd:TextCode></ofd:TextObject>'
          : Array.from(
              { length: 10 },
              (_, k) =>
                `<ofd:CompositeObject ID="${9300 + level * 10 + k}" ResourceID="${id + 1}" Boundary="0 0 10 10"/>`,
            ).join("");
      return `<ofd:CompositeGraphicUnit ID="${id}" Width="10" Height="10"><ofd:Content>${inner}</ofd:Content></ofd:CompositeGraphicUnit>`;
    });
    const res = `<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="http://www.ofdspec.org/2016" BaseLoc="Res"><ofd:CompositeGraphicUnits>${units.join("")}</ofd:CompositeGraphicUnits></ofd:Res>`;
    const page = "Doc_0/Pages/Page_0/Content.xml";
    const content = text(parts, page).replace(
      "</ofd:Layer>",
      '<ofd:CompositeObject ID="9400" ResourceID="9100" Boundary="0 0 10 10"/></ofd:Layer>',
    );
    return zip(withPart(withPart(parts, "Doc_0/DocumentRes.xml", res), page, content));
  },
  /** The base report with a composite unit that draws itself (and one that draws the first): drawn once. */
  "ofd-composite-loop.ofd": (_, parts) => {
    const res =
      '<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="http://www.ofdspec.org/2016" BaseLoc="Res"><ofd:CompositeGraphicUnits>' +
      '<ofd:CompositeGraphicUnit ID="9500" Width="10" Height="10"><ofd:Content><ofd:CompositeObject ID="9501" ResourceID="9502" Boundary="0 0 10 10"/><ofd:CompositeObject ID="9503" ResourceID="9500" Boundary="0 0 10 10"/></ofd:Content></ofd:CompositeGraphicUnit>' +
      '<ofd:CompositeGraphicUnit ID="9502" Width="10" Height="10"><ofd:Content><ofd:CompositeObject ID="9504" ResourceID="9500" Boundary="0 0 10 10"/></ofd:Content></ofd:CompositeGraphicUnit>' +
      "</ofd:CompositeGraphicUnits></ofd:Res>";
    const page = "Doc_0/Pages/Page_3/Content.xml";
    const content = text(parts, page).replace(
      "</ofd:Layer>",
      '<ofd:CompositeObject ID="9505" ResourceID="9500" Boundary="180 280 10 10"/></ofd:Layer>',
    );
    return zip(withPart(withPart(parts, "Doc_0/DocumentRes.xml", res), page, content));
  },
};

const base = new Uint8Array(await readFile(BASE));
const parts = unzipSync(base);
for (const [name, make] of Object.entries(MAKERS)) {
  const bytes = make(base, parts);
  await writeFile(join(OUT, name), bytes);
  console.log(`${name}: ${bytes.length} bytes`);
}
