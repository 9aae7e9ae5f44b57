import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { findArgumentPath, missingArgumentMessage } from "../../src/pipeline/argument-path.js";
import { collectInputs } from "../../src/pipeline/collect-inputs.js";

const ROOT = join(import.meta.dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "gongkai-argument-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 2023年报告 and 2023年报表 in GBK: both end in bytes that are not UTF-8. */
const REPORT = Buffer.from([0x32, 0x30, 0x32, 0x33, 0xc4, 0xea, 0xb1, 0xa8, 0xb8, 0xe6]);
const TABLE = Buffer.from([0x32, 0x30, 0x32, 0x33, 0xc4, 0xea, 0xb1, 0xa8, 0xb1, 0xed]);
/** What Node gives in process.argv for such bytes (each byte that is not UTF-8 becomes U+FFFD). */
const asNodeSees = (bytes: Buffer) => new TextDecoder("utf-8").decode(bytes);
const pathBytes = (...parts: Buffer[]) =>
  Buffer.concat(parts.flatMap((p, i) => (i === 0 ? [p] : [Buffer.from("/"), p])));

describe("a GBK file name typed on the command line", () => {
  const one = join(dir, "one");
  mkdirSync(one);
  const file = pathBytes(Buffer.from(one), Buffer.concat([REPORT, Buffer.from(".pdf")]));
  writeFileSync(file, "%PDF-1.7\n");

  it("is found by its bytes when Node was handed the decoded text (as through npx)", async () => {
    const arg = asNodeSees(file);
    expect(arg).toContain("\uFFFD");
    const found = await findArgumentPath(arg);
    expect(found?.raw.equals(file)).toBe(true);
    const [planned] = await collectInputs([arg]);
    expect(planned?.path).toBe(join(one, "2023年报告.pdf"));
    expect(planned?.outRelative).toBe("2023年报告.json");
    expect(Buffer.isBuffer(planned?.fsPath) && planned.fsPath.equals(file)).toBe(true);
  });

  it("is found in a folder whose name is GBK too", async () => {
    const folder = pathBytes(Buffer.from(dir), TABLE);
    mkdirSync(folder);
    const inside = pathBytes(folder, Buffer.from("a.pdf"));
    writeFileSync(inside, "%PDF-1.7\n");
    expect((await findArgumentPath(asNodeSees(inside)))?.raw.equals(inside)).toBe(true);
  });

  it("is found from the process's own command line when the bytes reached it (the bin started directly)", async () => {
    // A shell hands the bytes over as they are; Node's argv has U+FFFD, /proc/self/cmdline the bytes. Both
    // names are in the folder, so the decoded text alone would fit two.
    const both = join(dir, "both");
    mkdirSync(both);
    for (const stem of [REPORT, TABLE])
      writeFileSync(pathBytes(Buffer.from(both), Buffer.concat([stem, Buffer.from(".pdf")])), "x");
    const table = pathBytes(Buffer.from(both), Buffer.concat([TABLE, Buffer.from(".pdf")]));
    const octal = [...table].map((b) => `\\${b.toString(8).padStart(3, "0")}`).join("");
    const script = `import { findArgumentPath } from "./src/pipeline/argument-path.ts"; const f = await findArgumentPath(process.argv[1]); console.log(f ? f.raw.toString("hex") : "none");`;
    const command = `exec "${process.execPath}" --import tsx --input-type=module -e '${script}' "$(printf '${octal}')"`;
    const { stdout } = await promisify(execFile)("sh", ["-c", command], { cwd: ROOT });
    expect(stdout.trim()).toBe(table.toString("hex"));
  });

  it("that fits several names of its folder is a usage error naming them", async () => {
    const two = join(dir, "two");
    mkdirSync(two);
    for (const stem of [REPORT, TABLE])
      writeFileSync(pathBytes(Buffer.from(two), Buffer.concat([stem, Buffer.from(".pdf")])), "x");
    const arg = asNodeSees(pathBytes(Buffer.from(two), Buffer.concat([REPORT, Buffer.from(".pdf")])));
    const error = await findArgumentPath(arg).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain("`2023年报告.pdf`");
    expect((error as Error).message).toContain("`2023年报表.pdf`");
    expect((error as Error).message).toMatch(/name the folder instead/);
  });

  it("that fits no name says what to do", async () => {
    const arg = join(dir, "one", "2023\uFFFD.pdf");
    expect(await findArgumentPath(arg)).toBeNull();
    expect(missingArgumentMessage(arg)).toMatch(/not UTF-8.*Name its folder instead.*convmv -f gbk -t utf-8/);
    await expect(collectInputs([arg])).rejects.toThrow(/Name its folder instead/);
    expect(missingArgumentMessage("/no/such.pdf")).toBe("Expected an existing file or folder, got `/no/such.pdf`");
  });
});
