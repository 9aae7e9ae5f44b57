import { describe, expect, it } from "vitest";
import { addEntry, type BatchEntry, emptySummary } from "../../src/pipeline/batch/batch-summary.js";
import { formatBatchSummary } from "../../src/pipeline/batch/format-summary.js";
import { formatDuration, Progress } from "../../src/pipeline/batch/progress.js";

const entry = (file: string, seconds: number, extra: Partial<BatchEntry> = {}): BatchEntry => ({
  file,
  out: `${file}.json`,
  sha256: "0".repeat(64),
  status: "success",
  errorClass: null,
  message: null,
  template: "v2021",
  pages: 4,
  flags: { error: 0, warning: 0, info: 0 },
  flagRules: [],
  seconds,
  duplicateOf: null,
  ...extra,
});

function sink() {
  const chunks: string[] = [];
  return { chunks, stream: { write: (chunk: string) => chunks.push(chunk) > 0 } as unknown as NodeJS.WritableStream };
}

describe("Progress", () => {
  it("draws a bar in place on a terminal, then ends its line", () => {
    const { chunks, stream } = sink();
    const progress = new Progress({ stream, tty: true, total: 4 });
    const summary = emptySummary();
    addEntry(summary, entry("a.pdf", 1));
    progress.update(summary);
    progress.finish();
    const erase = "\r\u001b[K"; // back to the line start, clear the line
    expect(chunks[0]?.startsWith(erase)).toBe(true);
    expect(chunks[0]?.slice(erase.length)).toMatch(
      /^\[#{6}\.{18}\] 1\/4 done in \d+s, [\d.]+ pages\/s, ETA \d+s, 0 failed$/,
    );
    expect(chunks.at(-1)).toBe("\n");
  });

  it("writes plain lines no more often than its interval when not a terminal, none at the end", () => {
    const { chunks, stream } = sink();
    const summary = emptySummary();
    const slow = new Progress({ stream, tty: false, total: 3, intervalMs: 60_000 });
    addEntry(summary, entry("a.pdf", 1));
    slow.update(summary);
    expect(chunks).toEqual([]);
    const often = new Progress({ stream, tty: false, total: 3, intervalMs: 0 });
    often.update(summary);
    expect(chunks).toEqual([expect.stringMatching(/^gongkai: 1\/3 done in \d+s, .* 0 failed\n$/)]);
    addEntry(summary, entry("b.pdf", 1));
    addEntry(summary, entry("c.pdf", 1));
    often.update(summary);
    expect(chunks).toHaveLength(1);
  });

  it.each([
    [0, "0s"],
    [59.4, "59s"],
    [61, "1m01s"],
    [3725, "1h02m"],
  ])("formatDuration(%d) = %s", (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe("batch summary", () => {
  it("keeps the five slowest, the failures, counts by status, class and rule; duplicates count once", () => {
    const summary = emptySummary();
    for (let i = 0; i < 8; i++) addEntry(summary, entry(`doc-${i}.pdf`, i, { flagRules: ["s3.balance"] }));
    addEntry(
      summary,
      entry("bad.pdf", 0.5, { status: "failure", errorClass: "encrypted", message: "locked", pages: null }),
    );
    addEntry(summary, entry("copy.pdf", 0, { duplicateOf: "doc-7.pdf" }));
    expect(summary.slowest.map((s) => s.file)).toEqual([
      "doc-7.pdf",
      "doc-6.pdf",
      "doc-5.pdf",
      "doc-4.pdf",
      "doc-3.pdf",
    ]);
    expect(summary).toMatchObject({
      done: 10,
      duplicates: 1,
      pages: 32,
      byStatus: { success: 9, failure: 1 },
      byErrorClass: { encrypted: 1 },
      flagsByRule: { "s3.balance": 8 },
    });
    summary.inputs = 12;
    summary.skipped = 2;
    const text = formatBatchSummary(summary);
    expect(text).toContain("12 input(s): 10 done, 1 of them duplicates extracted once, 2 skipped as already done");
    expect(text).toContain("status: failure 1, success 9");
    expect(text).toContain("  encrypted 1: the PDF or Word document is password-protected");
    expect(text).toContain("  bad.pdf  failure (encrypted): locked");
    expect(text).toContain("flags by rule: s3.balance 8");
  });
});
