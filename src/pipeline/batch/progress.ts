import type { BatchSummary } from "./batch-summary.js";

export interface ProgressOptions {
  readonly stream: NodeJS.WriteStream | NodeJS.WritableStream;
  /** Draw a bar redrawn in place (a terminal) instead of plain periodic lines. */
  readonly tty: boolean;
  /** Inputs this run has to do (skipped ones excluded). */
  readonly total: number;
  /** Milliseconds between plain lines (not a terminal). */
  readonly intervalMs?: number;
}

const BAR_WIDTH = 24;
/** Milliseconds between redraws of the bar. */
const REDRAW_MS = 200;
const DEFAULT_INTERVAL_MS = 10_000;

/** Progress on stderr: a bar on a terminal, a line every `intervalMs` otherwise. */
export class Progress {
  readonly #options: ProgressOptions;
  readonly #started = performance.now();
  #last = 0;
  #drawn = false;

  constructor(options: ProgressOptions) {
    this.#options = options;
    // A bar draws at once; plain lines wait one interval (a short batch prints none).
    this.#last = options.tty ? Number.NEGATIVE_INFINITY : this.#started;
  }

  update(summary: BatchSummary): void {
    const now = performance.now();
    const wait = this.#options.tty ? REDRAW_MS : (this.#options.intervalMs ?? DEFAULT_INTERVAL_MS);
    if (now - this.#last < wait && summary.done < this.#options.total) return;
    this.#last = now;
    if (this.#options.tty) {
      this.#options.stream.write(`\r\x1b[K${this.#bar(summary, now)}`);
      this.#drawn = true;
    } else if (summary.done < this.#options.total) {
      this.#options.stream.write(`gongkai: ${this.#status(summary, now)}\n`);
    }
  }

  /** Ends the bar's line (the summary follows on stdout). */
  finish(): void {
    if (this.#drawn) this.#options.stream.write("\n");
    this.#drawn = false;
  }

  #bar(summary: BatchSummary, now: number): string {
    const total = Math.max(this.#options.total, 1);
    const filled = Math.round((BAR_WIDTH * summary.done) / total);
    return `[${"#".repeat(filled)}${".".repeat(BAR_WIDTH - filled)}] ${this.#status(summary, now)}`;
  }

  #status(summary: BatchSummary, now: number): string {
    const elapsed = (now - this.#started) / 1000;
    const failures = summary.byStatus.failure ?? 0;
    const pagesPerSecond = elapsed > 0 ? summary.pages / elapsed : 0;
    const left = this.#options.total - summary.done;
    const eta = summary.done > 0 ? formatDuration((elapsed / summary.done) * left) : "?";
    return `${summary.done}/${this.#options.total} done in ${formatDuration(elapsed)}, ${pagesPerSecond.toFixed(1)} pages/s, ETA ${eta}, ${failures} failed`;
  }
}

export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}
