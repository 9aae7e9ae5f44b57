import { describe, expect, it } from "vitest";
import { LoopbackPort } from "../../../src/stages/ingest/loopback-port.js";

describe("LoopbackPort", () => {
  it("delivers copies to every listener, after the post and in the order posted", async () => {
    const port = new LoopbackPort();
    const seen: unknown[] = [];
    port.addEventListener("message", (event) => seen.push(event.data));
    const first = { items: [{ str: "总计" }] };
    port.postMessage(first);
    port.postMessage({ when: new Date(0) }); // not cloneMessage's: structuredClone copies it
    expect(seen).toEqual([]);
    await Promise.resolve();
    expect(seen).toEqual([first, { when: new Date(0) }]);
    expect(seen[0]).not.toBe(first);
  });

  it("moves transferred buffers", async () => {
    const port = new LoopbackPort();
    const seen: unknown[] = [];
    port.addEventListener("message", (event) => seen.push(event.data));
    const data = new Float32Array([1, 2]);
    port.postMessage({ data }, [data.buffer]);
    expect(data.length).toBe(0);
    await Promise.resolve();
    expect(seen).toEqual([{ data: new Float32Array([1, 2]) }]);
  });

  it("stops delivering to a listener once removed, by its abort signal or by terminate", async () => {
    const port = new LoopbackPort();
    const seen: string[] = [];
    const controller = new AbortController();
    port.addEventListener("message", () => seen.push("signalled"), { signal: controller.signal });
    const plain = () => seen.push("plain");
    port.addEventListener("message", plain);
    port.postMessage(1);
    await Promise.resolve();
    controller.abort();
    port.postMessage(2);
    await Promise.resolve();
    port.terminate();
    port.postMessage(3);
    await Promise.resolve();
    expect(seen).toEqual(["signalled", "plain", "plain"]);
  });
});
