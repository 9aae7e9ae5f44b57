import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Flag } from "../../src/model/flag.js";
import { analyseBlocks } from "../../src/pipeline/analyse-blocks.js";
import { extractDocument } from "../../src/pipeline/extract-document.js";
import { registerInputKind } from "../../src/pipeline/input-kinds/index.js";
import { decodeHtml, htmlBlocks } from "../../src/stages/markup/index.js";
import { registerRuleKind } from "../../src/stages/rules/index.js";
import { registerTemplate, type TemplateDef, type TemplateVersion, v2021 } from "../../src/templates/index.js";
import type { RuleBase } from "../../src/templates/rule-def.js";

/**
 * The extension points of README "Adding a template version / a rule / an input kind", used as a plug-in would:
 * a toy template version, a toy rule kind and a toy input kind, each added through its registry alone (no file
 * under src/ touched), then a real report run through all three. Test files share modules (`isolate: false`), so
 * the toys are registered before this file's tests and removed after them.
 */

/**
 * A toy rule kind: one flag per listed cell that was read, naming its value. Its shape joins `RuleKinds` as a
 * built-in kind's file adds its own (stages/rules/check-*.ts), so template data holds its rules without a cast.
 */
interface ToyReadRule extends RuleBase {
  readonly kind: "toy_read";
  readonly paths: readonly string[];
}

declare module "../../src/templates/rule-def.js" {
  interface RuleKinds {
    toy_read: ToyReadRule;
  }
}

const toyRuleKind = () =>
  registerRuleKind<ToyReadRule>({
    kind: "toy_read",
    recheckable: true,
    check: (rule, input) =>
      rule.paths.flatMap((path): Flag[] => {
        const cell = input.cells.get(path);
        if (cell === undefined || cell.value === null) return [];
        return [
          {
            rule: rule.id,
            severity: rule.severity,
            path,
            cells: [{ path, value: cell.value, page: cell.page, bbox: cell.bbox }],
            expected: null,
            actual: cell.value,
            message: { zh: `玩具规则读到 ${cell.value}`, en: `the toy rule read ${cell.value}` },
          },
        ];
      }),
  });

const toyRule: ToyReadRule = {
  kind: "toy_read",
  id: "toy.read",
  severity: "info",
  paths: ["s3.new_received.total"],
};

/** A toy template version: the 2021 tables, told apart by one more marker word, with the toy rule added. */
const TOY_VERSION = "v2099" as TemplateVersion;
const toyTemplate: TemplateDef = {
  ...v2021,
  version: TOY_VERSION,
  years: { from: 2020 },
  markers: [...v2021.markers, "玩具版式"],
  rules: [...(v2021.rules ?? []), toyRule],
};

/** A toy input kind: a gzip-compressed HTML page, read as the blocks of the page inside. */
const toyInputKind = () =>
  registerInputKind(
    {
      name: "html-gz",
      label: "gzip-compressed HTML",
      locator: "path",
      extensions: [".gz"],
      sniff: (input) => input.bytes[0] === 0x1f && input.bytes[1] === 0x8b,
      extract: async (input, source) => analyseBlocks(htmlBlocks(decodeHtml(gunzipSync(input.bytes)).text), source),
    },
    { before: "html" },
  );

const SAMPLE = join(import.meta.dirname, "../../samples/html-nested-2023.html");
let dir = "";

let unregister: (() => void)[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "gongkai-registries-"));
  unregister = [toyRuleKind(), registerTemplate(toyTemplate), toyInputKind()];
});

afterAll(async () => {
  for (const remove of unregister) remove();
  await rm(dir, { recursive: true, force: true });
});

describe("registries", () => {
  it("a toy input kind reads its file as the page inside it reads", async () => {
    const html = await readFile(SAMPLE);
    await writeFile(join(dir, "plain.html"), html);
    await writeFile(join(dir, "packed.bin"), gzipSync(html));
    const plain = await extractDocument(join(dir, "plain.html"));
    const packed = await extractDocument(join(dir, "packed.bin"));
    expect(packed.errorClass).toBeNull();
    expect(packed.output.report.template).toBe("v2021");
    expect(packed.output.status).toBe("success");
    expect(packed.output.values).toEqual(plain.output.values);
    expect(packed.output.cells).toEqual(plain.output.cells);
    expect(packed.output.flags).toEqual(plain.output.flags);
  });

  it("a toy template version is detected by its markers and checked with its rules, a toy rule kind among them", async () => {
    const html = (await readFile(SAMPLE, "utf8")).replace("</body>", "<p>玩具版式</p></body>");
    await writeFile(join(dir, "toy.html"), html);
    const { output, errorClass } = await extractDocument(join(dir, "toy.html"));
    expect(errorClass).toBeNull();
    expect(output.report.template).toBe("v2099");
    const toyFlags = output.flags.filter((f) => f.rule === "toy.read");
    expect(toyFlags).toHaveLength(1);
    expect(toyFlags[0]?.actual).toBe(output.cells["s3.new_received.total"]?.value);
    expect(output.flags.filter((f) => f.rule === "template.version_mismatch")).toEqual([]);
  });

  it("an input no registered kind sniffs is unsupported, and the message lists the kinds, the toy one too", async () => {
    await writeFile(join(dir, "unknown.bin"), "neither a page nor a document\n");
    const { output, errorClass } = await extractDocument(join(dir, "unknown.bin"));
    expect(errorClass).toBe("unsupported");
    expect(output.issues[0]?.message).toContain("PDF, .mht/.mhtml, gzip-compressed HTML, HTML, .docx, .doc");
  });
});
