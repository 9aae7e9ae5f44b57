/**
 * Entry of the review build process (build-process.ts, started by `gongkai review`): builds the site for the
 * one request it is sent, answers with the summary or the error, and exits.
 */
import { GongkaiError, UsageError } from "../../errors.js";
import type { BuildReply, BuildRequest } from "./build-process.js";

process.once("message", (request: BuildRequest) => {
  void build(request).then((reply) => process.send?.(reply, () => process.disconnect?.()));
});

async function build(request: BuildRequest): Promise<BuildReply> {
  try {
    const { buildReviewSite } = await import("./build-site.js");
    const site = await buildReviewSite(request.dir, {
      ...request.options,
      ...(request.progress ? { onProgress: (line: string) => process.stderr.write(line) } : {}),
    });
    return { site };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    const kind = e instanceof UsageError ? "usage" : e instanceof GongkaiError ? "gongkai" : "other";
    const code = (e as NodeJS.ErrnoException).code;
    return {
      error: {
        message: e.message,
        kind,
        ...(typeof code === "string" ? { code } : {}),
        ...(e.stack === undefined ? {} : { stack: e.stack }),
      },
    };
  }
}
