import type { Box } from "../../model/geometry.js";
import { withPdfDocument } from "../../stages/ingest/index.js";
import { openOfd, pageGeometry } from "../../stages/ofd/index.js";
import { type NarrativeMark, quotedClause } from "./narrative-clause.js";
import type { ReviewFlag } from "./review-model.js";

export type { NarrativeMark };

const squash = (text: string) => text.replace(/\s+/g, "");

/** A run of text on a page and its box (points, origin top-left). */
interface PageRun {
  readonly text: string;
  readonly box: Box;
}

/**
 * Finds each narrative flag's clause in the PDF's text layer (on the page its message names, else on any page)
 * and returns the box of the text runs that print it. A clause not in the text layer (an OCR'd page) has no mark.
 */
export async function findNarrativeMarks(bytes: Uint8Array, flags: readonly ReviewFlag[]): Promise<NarrativeMark[]> {
  if (!flags.some((flag) => quotedClause(flag) !== null)) return [];
  return withPdfDocument(bytes, async (doc) =>
    findMarks(doc.numPages, flags, async (n) => {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const runs: PageRun[] = [];
      for (const item of content.items) {
        if (!("str" in item)) continue;
        const [, , , , x, y] = item.transform as number[];
        const [ax, ay] = viewport.convertToViewportPoint(x ?? 0, (y ?? 0) + item.height);
        const [bx, by] = viewport.convertToViewportPoint((x ?? 0) + item.width, y ?? 0);
        runs.push({ text: item.str, box: [Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)] });
      }
      page.cleanup();
      return runs;
    }),
  );
}

/** The same for an OFD: its text runs as the OFD stage reads them (a page that cannot be read has none). */
export async function findOfdNarrativeMarks(bytes: Uint8Array, flags: readonly ReviewFlag[]): Promise<NarrativeMark[]> {
  if (!flags.some((flag) => quotedClause(flag) !== null)) return [];
  const file = openOfd(bytes);
  return findMarks(file.pageCount, flags, async (n) => {
    try {
      return pageGeometry(file.page(n)).items.map((item) => ({ text: item.text, box: item.box }));
    } catch {
      return [];
    }
  });
}

async function findMarks(
  numPages: number,
  flags: readonly ReviewFlag[],
  runsOf: (page: number) => Promise<PageRun[]>,
): Promise<NarrativeMark[]> {
  const wanted = flags
    .map((flag, index) => ({ index, quoted: quotedClause(flag) }))
    .filter((w): w is { index: number; quoted: { page: number | null; clause: string } } => w.quoted !== null);
  const marks: NarrativeMark[] = [];
  /** Per page: its text without whitespace; for each character the run it is in and its place in that run. */
  const texts = new Map<number, { text: string; owners: number[]; offsets: number[]; boxes: Box[] }>();
  const pageText = async (n: number) => {
    let known = texts.get(n);
    if (known !== undefined) return known;
    let text = "";
    const owners: number[] = [];
    const offsets: number[] = [];
    const boxes: Box[] = [];
    for (const item of await runsOf(n)) {
      const run = squash(item.text);
      if (run === "") continue;
      boxes.push(item.box);
      for (let i = 0; i < run.length; i++) {
        owners.push(boxes.length - 1);
        offsets.push(i / run.length);
      }
      text += run;
    }
    known = { text, owners, offsets, boxes };
    texts.set(n, known);
    return known;
  };
  for (const { index, quoted } of wanted) {
    const clause = squash(quoted.clause);
    const pages = quoted.page === null ? Array.from({ length: numPages }, (_, i) => i + 1) : [quoted.page];
    for (const n of pages) {
      if (n < 1 || n > numPages) continue;
      const { text, owners, offsets, boxes } = await pageText(n);
      const at = text.indexOf(clause);
      if (at < 0) continue;
      const end = at + clause.length - 1;
      const runs = [...new Set(owners.slice(at, end + 1))];
      const covered = runs.map((r) => boxes[r] as Box);
      // A run is often a whole line: the clause's part of its first and last run, by character share (CJK
      // characters are about equally wide).
      const first = boxes[owners[at] as number] as Box;
      const last = boxes[owners[end] as number] as Box;
      const lastShare = (offsets[end] ?? 0) + 1 / Math.max(1, owners.filter((o) => o === owners[end]).length);
      const left = first[0] + (first[2] - first[0]) * (offsets[at] ?? 0);
      const right = last[0] + (last[2] - last[0]) * Math.min(1, lastShare);
      const oneLine = runs.length === 1 || covered.every((b) => Math.abs(b[1] - first[1]) < 2);
      marks.push({
        flag: index,
        page: n,
        bbox: [
          oneLine ? left : Math.min(...covered.map((b) => b[0])),
          Math.min(...covered.map((b) => b[1])),
          oneLine ? right : Math.max(...covered.map((b) => b[2])),
          Math.max(...covered.map((b) => b[3])),
        ],
      });
      break;
    }
  }
  return marks;
}
