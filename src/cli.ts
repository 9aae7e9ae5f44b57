#!/usr/bin/env node
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { bundledNode, MIN_NODE_MAJOR, nodeMajor, runOnNode } from "./cli/node-runtime.js";
import { COMMAND_USAGE, COMMANDS, type CommandName, USAGE } from "./cli/usage.js";
import { describeError, GongkaiError, UsageError } from "./errors.js";
import { enableCompileCache } from "./pipeline/batch/compile-cache.js";

// Exit codes: 0 success, 1 runtime failure (or a failed document with --strict), 2 usage, 130 interrupted.

const VERSION = (createRequire(import.meta.url)("../package.json") as { version: string }).version;

// Before the command's modules load (each command is imported when it runs).
enableCompileCache();

let activeCommand: CommandName | null = null;

async function main(argv: readonly string[]): Promise<number> {
  if (nodeMajor() < MIN_NODE_MAJOR) {
    // The installed bin may start on an older system Node: run again on the Node 22 the package brings.
    const node = bundledNode();
    if (node !== null) return runOnNode(node, fileURLToPath(import.meta.url), argv);
    throw new GongkaiError(
      `Expected Node ≥ ${MIN_NODE_MAJOR}, got ${process.version}, and the \`node\` package gongkai depends on ` +
        "is not installed: reinstall gongkai with `npm install -g --allow-scripts=node <gongkai folder or tarball>`, " +
        "or run it with Node 22",
    );
  }
  const [command, ...rest] = argv;
  if (command === "-V" || command === "-v" || command === "--version") {
    const { computePipelineVersion } = await import("./pipeline/batch/pipeline-version.js");
    process.stdout.write(`gongkai ${VERSION} (pipeline ${await computePipelineVersion()}, node ${process.version})\n`);
    return 0;
  }
  if (command === undefined || command === "-h" || command === "--help" || command === "help") {
    const topic = rest[0];
    if (command === "help" && topic !== undefined && (COMMANDS as readonly string[]).includes(topic)) {
      process.stdout.write(`${COMMAND_USAGE[topic as CommandName]}\n`);
      return 0;
    }
    if (command === undefined) throw new UsageError("Expected a command");
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!(COMMANDS as readonly string[]).includes(command)) throw new UsageError(`Unknown command \`${command}\``);
  activeCommand = command as CommandName;
  switch (activeCommand) {
    case "extract":
      return (await import("./cli/extract-command.js")).runExtractCommand(rest);
    case "export":
      return (await import("./cli/output-commands.js")).runExportCommand(rest);
    case "review":
      return (await import("./cli/output-commands.js")).runReviewCommand(rest);
    case "check":
      return (await import("./cli/output-commands.js")).runCheckCommand(rest);
    case "worker":
      return (await import("./cli/queue-commands.js")).runWorkerCommand(rest);
    case "status":
      return (await import("./cli/queue-commands.js")).runStatusCommand(rest);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      // The message, the synopsis and where the options are (as git does): the full help would bury the message.
      const usage = activeCommand === null ? USAGE : COMMAND_USAGE[activeCommand];
      const synopsis = usage.split("\n\n")[0] ?? usage;
      const help = activeCommand === null ? "gongkai --help" : `gongkai ${activeCommand} --help`;
      process.stderr.write(`gongkai: ${error.message}\n\n${synopsis}\nRun \`${help}\` for the options.\n`);
      process.exitCode = 2;
    } else if (error instanceof GongkaiError) {
      process.stderr.write(`gongkai: ${error.message}\n`);
      process.exitCode = 1;
    } else if (isFileSystemError(error)) {
      // The environment, not a defect: a folder that cannot be written, a disk that is full.
      process.stderr.write(`gongkai: ${error.message}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`gongkai: internal error: ${describeError(error, { stack: true })}\n`);
      process.exitCode = 1;
    }
  },
);

function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return (
    typeof code === "string" && ["EACCES", "EPERM", "ENOSPC", "EROFS", "ENOTDIR", "EEXIST", "EISDIR"].includes(code)
  );
}
