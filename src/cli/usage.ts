import { DEFAULT_MAX_MEMORY_MB, DEFAULT_MAX_PAGES, DEFAULT_TIMEOUT_SECONDS } from "../pipeline/batch/defaults.js";

export type CommandName = "extract" | "check" | "export" | "review" | "worker" | "status";

export const COMMANDS: readonly CommandName[] = ["extract", "check", "export", "review", "worker", "status"];

/** The input kinds `extract` reads; the kind comes from a file's leading bytes, folders are searched by extension. */
export const INPUT_KINDS =
  "PDF, OFD, PNG, JPEG, TIFF, HTML (.html/.htm), web archives (.mht/.mhtml) and Word (.docx, .doc, .wps)";

const COMMON = `  -h, --help            this text
  -q, --quiet           nothing on stdout but what a script needs; problems still go to stderr`;

const EXTRACT = `Usage: gongkai extract <files|folders…> --out <dir> [options]
       gongkai extract <files|folders…> --out <dir> --queue redis://host:port[/db] [options]

Reads 政府信息公开工作年度报告 (${INPUT_KINDS}) and writes <dir>/<stem>.json per input
(files found under a folder keep their relative path), <dir>/manifest.jsonl and <dir>/cross-report.json.
A rerun with the same --out skips what is done (same bytes, same pipeline version) and prints the summary.
Output format: docs/output-contract.md.

Options:
  -o, --out <dir>       output folder (required; created if missing)
  -j, --jobs <n>        documents processed at once (default: the number of cores)
  --timeout <seconds>   wall-clock limit per document (default ${DEFAULT_TIMEOUT_SECONDS}); then: timeout
  --max-pages <n>       documents with more pages fail as too_large (default ${DEFAULT_MAX_PAGES})
  --max-memory <MiB>    memory per document process (default ${DEFAULT_MAX_MEMORY_MB}); then: too_large
  --max-bytes <n>       inputs larger than this (bytes; k, M, G suffixes) fail as too_large unread (default 256M)
  --retry-failed        also redo inputs whose last run failed
  --strict              exit 1 when any document's status is failure (for scripts)
  --json                print the run summary as JSON on stdout instead of the text summary
  -v, --verbose         one line per document (status, flags, failure message) on stderr
  --queue <url>         enqueue one job per input on Redis (BullMQ) instead of running them; prints the run id
${COMMON}

Exit codes: 0 done (documents may have failed: see --strict), 1 runtime failure, 2 usage error,
130 interrupted (rerun the same command to resume).`;

const CHECK = `Usage: gongkai check <extracted dir> [options]

Runs the cross-report rules (cross.carry_over, cross.valid_docs, cross.duplicate) over the outputs of
\`gongkai extract\` in <extracted dir> and writes <extracted dir>/cross-report.json.

Options:
  --json                print the cross-report summary as JSON on stdout
${COMMON}`;

const EXPORT = `Usage: gongkai export <extracted dir> --out <dir> [options]

Writes datasets of an extract output: cells.csv/.parquet (one row per value), reports.csv/.parquet (one row
per report), flags.csv/.parquet, DATA_DICTIONARY.md, and corrections.csv when corrections are applied.

Options:
  -o, --out <dir>       output folder (required; created if missing)
  --corrections <file>  a corrections.jsonl to apply (default: <extracted dir>/corrections.jsonl if present)
  --excel               write the CSVs with a UTF-8 byte-order mark, so Excel (Chinese Windows too) reads them
  --json                print the export summary as JSON on stdout
${COMMON}`;

const REVIEW = `Usage: gongkai review <extracted dir> [options]

Writes a static review site to <extracted dir>/review/ (open review/index.html in a browser): every report
with its page images, cells, flags and a corrections file to export.

Options:
  --inputs <dir>        a folder holding the source files (tried before the paths in manifest.jsonl)
  --corrections <file>  a corrections.jsonl whose lines the pages show (default: <extracted dir>/corrections.jsonl)
  --scale <n>           page image pixels per PDF point, 0.5–4 (default 1.5)
${COMMON}`;

const WORKER = `Usage: gongkai worker --queue redis://host:port[/db] [options]

Takes documents off the queue of a distributed run until SIGINT/SIGTERM, then finishes its active ones.

Options:
  --queue <url>         the Redis of the run (required)
  -j, --jobs <n>        documents at once (default 1)
  --lock-seconds <n>    a dead worker's job is taken up again after about this (default 30)
${COMMON}`;

const STATUS = `Usage: gongkai status --queue redis://host:port[/db] [options]

Shows the queue's jobs and the progress of its runs.

Options:
  --queue <url>         the Redis of the run (required)
  --run <id>            this run only (default: the newest runs)
  --wait                wait until the run has drained and its cross-report is written (needs --run)
  -h, --help            this text`;

export const COMMAND_USAGE: Readonly<Record<CommandName, string>> = {
  extract: EXTRACT,
  check: CHECK,
  export: EXPORT,
  review: REVIEW,
  worker: WORKER,
  status: STATUS,
};

export const USAGE = `Usage: gongkai <command> [options]

Exact, checked data from 政府信息公开工作年度报告 (${INPUT_KINDS}).

Commands:
  extract <files|folders…> --out <dir>   extract reports into one JSON each (start here)
  export <extracted dir> --out <dir>     datasets: CSV and Parquet, with a data dictionary
  review <extracted dir>                 a static site for checking readings against the page (中文)
  check <extracted dir>                  cross-report rules over an extract output
  worker --queue <url>                   take documents of a distributed run off a Redis queue
  status --queue <url>                   progress of a distributed run

gongkai <command> --help shows a command's options.

Options:
  -h, --help            this text
  -V, --version         the version of gongkai and of its pipeline (recorded in manifest.jsonl)`;
