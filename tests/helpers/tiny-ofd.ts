import { strToU8, zipSync } from "fflate";

/** One page of a hand-written OFD: the XML inside its Content (layers), and an optional template's. */
export interface TinyPage {
  readonly layers: string;
  /** Written as Tpls/Tpl_<n>/Content.xml and placed on the page with this ZOrder. */
  readonly template?: { readonly layers: string; readonly zOrder?: "Background" | "Foreground" };
  /** Page/Area/PhysicalBox, millimetres. */
  readonly box?: string;
}

const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';

/**
 * A small OFD package for tests (GB/T 33190-2016 layout: OFD.xml → Doc_0/Document.xml → pages), A4 unless a
 * page says otherwise, with `res` as the body of Doc_0/PublicRes.xml (fonts, draw params, media…) and `extra`
 * parts added as they are.
 */
export function tinyOfd(pages: readonly TinyPage[], res = "", extra: Record<string, Uint8Array> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "OFD.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD ${NS} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
    ),
  };
  const templates = pages
    .map((p, i) => (p.template ? `<ofd:TemplatePage ID="${900 + i}" BaseLoc="Tpls/Tpl_${i}/Content.xml"/>` : ""))
    .join("");
  const refs = pages.map((_, i) => `<ofd:Page ID="${100 + i}" BaseLoc="Pages/Page_${i}/Content.xml"/>`).join("");
  files["Doc_0/Document.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><ofd:Document ${NS}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes>${templates}</ofd:CommonData><ofd:Pages>${refs}</ofd:Pages></ofd:Document>`,
  );
  files["Doc_0/PublicRes.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><ofd:Res ${NS} BaseLoc="Res"><ofd:Fonts><ofd:Font ID="1" FontName="宋体"/></ofd:Fonts>${res}</ofd:Res>`,
  );
  pages.forEach((page, i) => {
    const area = page.box ? `<ofd:Area><ofd:PhysicalBox>${page.box}</ofd:PhysicalBox></ofd:Area>` : "";
    const use = page.template
      ? `<ofd:Template TemplateID="${900 + i}" ZOrder="${page.template.zOrder ?? "Background"}"/>`
      : "";
    files[`Doc_0/Pages/Page_${i}/Content.xml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><ofd:Page ${NS}>${use}${area}<ofd:Content><ofd:Layer ID="${200 + i}">${page.layers}</ofd:Layer></ofd:Content></ofd:Page>`,
    );
    if (page.template) {
      files[`Doc_0/Tpls/Tpl_${i}/Content.xml`] = strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><ofd:Page ${NS}><ofd:Content><ofd:Layer ID="${300 + i}">${page.template.layers}</ofd:Layer></ofd:Content></ofd:Page>`,
      );
    }
  });
  return zipSync({ ...files, ...extra }, { mtime: new Date("1980-01-01T00:00:00Z") });
}

/** A TextObject: `text` at (x, y) mm of the page's top-left, baseline `size` below y, glyphs `step` mm apart. */
export function textObject(text: string, x: number, y: number, size = 5, step = size, extra = ""): string {
  const deltas = [...text].length > 1 ? ` DeltaX="g ${[...text].length - 1} ${step}"` : "";
  return `<ofd:TextObject ID="1" Boundary="${x} ${y} 200 ${size * 1.5}" Font="1" Size="${size}"${extra}><ofd:TextCode X="0" Y="${size}"${deltas}>${text}</ofd:TextCode></ofd:TextObject>`;
}
