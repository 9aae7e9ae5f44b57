import { type ChildProcess, fork } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { NarrativeMark } from "./narrative-marks.js";
import type { RenderJob, RenderReply, RenderRequest } from "./render-job.js";
import type { PageImage } from "./render-pages.js";

/**
 * A render process is replaced once its resident set passes this (MiB) after a job. Rendering a 300 dpi scan
 * page leaves glibc's heap and Skia's caches holding ~150 MiB that a fresh process does not have; replacing
 * costs loading pdf.js and Skia again (~0.3 CPU s), which only scans and many-page sources trigger.
 */
const RECYCLE_RSS_MB = 200;

/**
 * V8 flags of the render process. `--max-semi-space-size=1` (MiB): V8 otherwise grows the young generation to
 * 3 × 16 MiB under pdf.js's allocation rate and keeps it (haiyuan, 7 text pages, alone: 189 → 163 MiB peak).
 * Not a full collection after each source: it kept fewer processes alive (3 instead of 8 for the 61 samples)
 * at the same peak, for 3 CPU s more. `--expose-gc` for one after each OFD page (render-ofd-pages.ts): the OFD
 * renderer's canvas is freed only by a full collection (one OFD alone: 150–168 → 145–150 MiB, ~0.1 CPU s).
 */
export const RENDER_NODE_FLAGS = ["--max-semi-space-size=1", "--expose-gc"] as const;

/**
 * glibc settings of the render process. A fixed mmap threshold: glibc otherwise raises it after the first large
 * free, and the next page's pixel buffers come from a heap that is never given back. Two arenas: PNG encoding
 * and file writes run on libuv's threads, each of which would keep an arena of its own.
 */
export const RENDER_MALLOC_ENV = { MALLOC_MMAP_THRESHOLD_: "131072", MALLOC_ARENA_MAX: "2" } as const;

/**
 * @napi-rs/canvas scans the system fonts when it loads unless this is set; the render process scans them when
 * text is first drawn (render-entry.ts, deferSystemFonts).
 */
const RENDER_FONTS_ENV = { DISABLE_SYSTEM_FONTS_LOAD: "1" } as const;

/**
 * A picture file (PNG, JPEG, a web page's pictures) is decoded whole by Skia before it is scaled (35 MB of RGBA for
 * a 1241 × 7016 page): its job starts in a fresh process when the current one holds more than this (MiB), so the
 * picture does not come on top of what earlier sources left (that page: 312 MiB in a used process, 251 in a fresh one).
 */
const FRESH_FOR_PICTURES_RSS_MB = 140;

/**
 * An OFD is drawn by the OFD stage, whose module and schemas (~20 MiB), canvas per page and text fonts come on
 * top of whatever the process holds: its job starts in a fresh process once the current one has drawn
 * anything (more than this, MiB). One OFD alone peaks at 150–200 MiB; after PDFs, at up to 250.
 */
const FRESH_FOR_OFD_RSS_MB = 100;

/** Jobs that start in a fresh process when the current one holds more than so many MiB. */
const FRESH_START_RSS_MB: Partial<Record<RenderJob["kind"], number>> = {
  png: FRESH_FOR_PICTURES_RSS_MB,
  jpeg: FRESH_FOR_PICTURES_RSS_MB,
  pictures: FRESH_FOR_PICTURES_RSS_MB,
  ofd: FRESH_FOR_OFD_RSS_MB,
};

const here = fileURLToPath(import.meta.url);

/**
 * The review build's page renderer: one child process (render-entry) at a time, started on the first job and
 * replaced when it has grown, so the build process never loads pdf.js or Skia and its memory follows the index
 * rows alone. Jobs run one after another. A crash of the process (a source that kills pdf.js, memory) fails that
 * job only; the next job starts a fresh process.
 */
export class RenderProcess {
  #child: ChildProcess | null = null;
  #nextId = 1;
  #queue: Promise<unknown> = Promise.resolve();
  /** The current process's resident set after its last job (MiB); 0 for a process that has run none. */
  #rssMb = 0;

  pages(job: Exclude<RenderJob, { kind: "marks" }>): Promise<PageImage[]> {
    return this.#enqueue(job).then((reply) => ("pages" in reply ? reply.pages : []));
  }

  marks(job: Extract<RenderJob, { kind: "marks" }>): Promise<NarrativeMark[]> {
    return this.#enqueue(job).then((reply) => ("marks" in reply ? reply.marks : []));
  }

  /** Ends the process (it exits on disconnect). */
  async close(): Promise<void> {
    await this.#queue.catch(() => undefined);
    this.#retire();
  }

  #enqueue(job: RenderJob): Promise<RenderReply> {
    const next = this.#queue.catch(() => undefined).then(() => this.#run(job));
    this.#queue = next;
    return next;
  }

  #run(job: RenderJob): Promise<RenderReply> {
    if (this.#rssMb > (FRESH_START_RSS_MB[job.kind] ?? Number.POSITIVE_INFINITY)) this.#retire();
    if (this.#child === null) {
      this.#rssMb = 0;
      const started = spawnRenderer();
      started.once("exit", () => {
        if (this.#child === started) this.#child = null;
      });
      this.#child = started;
    }
    const child = this.#child;
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const onMessage = (reply: RenderReply) => {
        if (reply.id !== id) return;
        done();
        this.#rssMb = reply.rssMb;
        if (reply.rssMb > RECYCLE_RSS_MB) this.#retire();
        if ("error" in reply) reject(new Error(reply.error));
        else resolve(reply);
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        done();
        reject(new Error(`the render process ended (${signal ?? `exit code ${code}`})`));
      };
      const done = () => {
        child.off("message", onMessage);
        child.off("exit", onExit);
      };
      child.on("message", onMessage);
      child.on("exit", onExit);
      child.send({ id, job } satisfies RenderRequest);
    });
  }

  #retire(): void {
    const child = this.#child;
    this.#child = null;
    if (child?.connected) child.disconnect();
  }
}

function spawnRenderer(): ChildProcess {
  // From src/ (vitest, tsx) the entry is TypeScript, loaded through tsx; from dist/ it is the compiled file.
  const fromSource = here.endsWith(".ts");
  const execArgv = [
    ...RENDER_NODE_FLAGS,
    ...(fromSource ? ["--import", pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href] : []),
  ];
  const child = fork(join(dirname(here), fromSource ? "render-entry.ts" : "render-entry.js"), [], {
    execArgv,
    serialization: "advanced",
    stdio: ["ignore", "ignore", "inherit", "ipc"],
    env: { ...process.env, ...RENDER_MALLOC_ENV, ...RENDER_FONTS_ENV },
  });
  child.on("error", () => undefined);
  return child;
}
