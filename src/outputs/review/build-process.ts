import { fork } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { GongkaiError, UsageError } from "../../errors.js";
import type { ReviewOptions, ReviewSite } from "./build-site.js";

/**
 * V8 flags of the review build process (`gongkai review`). The build allocates ~3 MB a report (each report's
 * JSON read and checked, its page and source tables rendered as strings) that lives across the writes' awaits:
 * with V8's defaults the young generation grows to 16 MiB semi-spaces and the old one to 3–4 × its 15 MiB of live
 * data before a full collection (500 reports: 141 MiB peak). A 2 MiB semi-space and an old generation that
 * grows by half its live size each time keep it near 105 MiB, for ~2 CPU s more of collections per 500
 * reports. No hard heap limit: a folder with corrections reads every report at once.
 */
export const BUILD_NODE_FLAGS = ["--max-semi-space-size=2", "--heap-growing-percent=50"] as const;

/** What the build process is given: the folder and the options that cross a process boundary. */
export interface BuildRequest {
  readonly dir: string;
  readonly options: Omit<ReviewOptions, "onProgress">;
  /** Progress lines to stderr. */
  readonly progress: boolean;
}

/** The build process's answer. */
export type BuildReply =
  | { readonly site: ReviewSite }
  | {
      readonly error: {
        readonly message: string;
        readonly kind: "usage" | "gongkai" | "other";
        readonly code?: string;
        readonly stack?: string;
      };
    };

const here = fileURLToPath(import.meta.url);

/**
 * `buildReviewSite` in a process of its own, started with BUILD_NODE_FLAGS (V8's heap settings cannot be changed
 * in a running process), for the CLI: the CLI process keeps nothing but this. Progress goes to stderr from the
 * build process; its errors are thrown here as the classes the CLI reports (usage, gongkai, file system).
 */
export function runReviewBuild(request: BuildRequest): Promise<ReviewSite> {
  const fromSource = here.endsWith(".ts");
  const execArgv = [
    ...BUILD_NODE_FLAGS,
    ...(fromSource ? ["--import", pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href] : []),
  ];
  const child = fork(join(dirname(here), fromSource ? "build-entry.ts" : "build-entry.js"), [], {
    execArgv,
    serialization: "advanced",
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    let reply: BuildReply | null = null;
    child.once("message", (message: BuildReply) => {
      reply = message;
    });
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (reply === null) reject(new GongkaiError(`the review build process ended (${signal ?? `exit code ${code}`})`));
      else if ("site" in reply) resolve(reply.site);
      else reject(rebuildError(reply.error));
    });
    child.send(request);
  });
}

function rebuildError(error: Extract<BuildReply, { error: unknown }>["error"]): Error {
  if (error.kind === "usage") return new UsageError(error.message);
  if (error.kind === "gongkai") return new GongkaiError(error.message);
  const rebuilt = Object.assign(new Error(error.message), error.code === undefined ? {} : { code: error.code });
  if (error.stack !== undefined) rebuilt.stack = error.stack;
  return rebuilt;
}
