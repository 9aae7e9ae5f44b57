// Writes, for each Word file in tests/fixtures/word-real/, <stem>.lo.json: what LibreOffice reads from it — its
// tables cell by cell (the HTML export's grids, spans expanded, whitespace removed) and the characters of its
// text — the oracle tests/stages/markup/word-real.test.ts holds gongkai's Word reader to.
// Run: npx tsx scripts/check-formats/word-oracle.ts   (needs soffice)
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type DocBlock, type DocTable, decodeHtml, expandGrid, htmlBlocks } from "../../src/stages/markup/index.js";

const DIR = join(import.meta.dirname, "../../tests/fixtures/word-real");
const WORK = "/tmp/gongkai-word-oracle";

export const squeeze = (s: string) => s.replace(/[\s\u00a0\u3000\u00ad\u200b\ufeff]+/g, "");

export function tableGrid(table: DocTable): string[][] {
  const { cells, rowCount, colCount } = expandGrid(table.rows);
  const grid = Array.from({ length: rowCount }, () => Array<string>(colCount).fill(""));
  for (const c of cells) (grid[c.row] as string[])[c.col] = squeeze(c.cell.lines.join(""));
  return grid;
}

export function blockText(blocks: readonly DocBlock[]): string {
  return squeeze(
    blocks
      .map((b) =>
        b.kind === "paragraph"
          ? b.text
          : b.kind === "table"
            ? b.rows
                .flat()
                .flatMap((c) => c.lines)
                .join("")
            : "",
      )
      .join(""),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync(WORK, { recursive: true });
  const files = readdirSync(DIR).filter((f) => /\.(?:doc|wps)$/i.test(f));
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${WORK}/profile`,
      "--headless",
      "--convert-to",
      "html",
      "--outdir",
      WORK,
      ...files.map((f) => join(DIR, f)),
    ],
    { stdio: "pipe", timeout: 600_000 },
  );
  for (const file of files) {
    const stem = file.replace(/\.[^.]+$/, "");
    const html = join(WORK, `${stem}.html`);
    if (!existsSync(html)) continue;
    const blocks = htmlBlocks(decodeHtml(new Uint8Array(readFileSync(html))).text);
    const tables = blocks.filter((b): b is DocTable => b.kind === "table").map(tableGrid);
    writeFileSync(join(DIR, `${stem}.lo.json`), `${JSON.stringify({ file, text: blockText(blocks), tables })}\n`);
  }
}
