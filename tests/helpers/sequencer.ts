import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Seconds each of the suite's long test files keeps its test process on a quiet 2-core machine (issue 12's runs,
 * `GONGKAI_TEST_CPU`: CPU of the process and its children, or the wall time where a file mostly waits, as the
 * queue tests do for stalled-job recovery). Only the order they give matters, and only roughly.
 */
const SECONDS: Readonly<Record<string, number>> = {
  "tests/golden/scanned.test.ts": 120,
  "tests/golden/scans-independent.test.ts": 90,
  "tests/golden/scans-unseen.test.ts": 65,
  "tests/queue/queue.test.ts": 65,
  "tests/golden/text-layer-variants.test.ts": 30,
  "tests/bad-input/hostile.test.ts": 25,
  "tests/golden/ofd-images.test.ts": 22,
  "tests/golden/formats-check.test.ts": 21,
  "tests/outputs/review/review-site.test.ts": 20,
  "tests/golden/samples.test.ts": 16,
  "tests/golden/ofd-real.test.ts": 16,
  "tests/golden/scanned-jpeg.test.ts": 14,
  "tests/pipeline/run-batch.test.ts": 14,
  "tests/golden/formats.test.ts": 13,
  "tests/stages/ingest/pdf-runtime.test.ts": 10,
  "tests/bad-input/corpus.test.ts": 9,
  "tests/outputs/review/review-process.test.ts": 7,
  "tests/outputs/review/review-inputs.test.ts": 6,
  "tests/golden/ofd.test.ts": 6,
  "tests/pipeline/ofd-input.test.ts": 6,
};

/**
 * Longest files first, by the table above, then the rest in vitest's own order (by the durations of the last run
 * on this machine if it has them, else by file size, larger first). The test processes take the next file as they
 * free up, so the long files are spread over them from the start and short files fill the end, with every process
 * busy until the last few seconds. Vitest's own order needs a previous run: in a fresh clone (CI) it goes by file
 * size, which put the two scan sets (four-line files that read 14 scans) last and left a process idle for a minute
 * at the end while the other read one of them.
 */
export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const seconds = (spec: TestSpecification) => SECONDS[relative(spec.project.config.root, spec.moduleId)] ?? 0;
    // Array.prototype.sort is stable: files of equal weight (the unlisted ones) keep vitest's order.
    return sorted.sort((a, b) => seconds(b) - seconds(a));
  }
}
