import { cloneMessage, UNCLONED } from "./clone-message.js";

type CloneOptions = NonNullable<Parameters<typeof structuredClone>[1]>;
type Listener = (this: LoopbackPort, event: { data: unknown }) => void;

/**
 * The port between pdf.js's document side and its worker side when both run in this process: pdf.js's own
 * `LoopbackPort` (its "fake worker", which Node gets), with each message copied by `cloneMessage` instead of
 * Node's structuredClone, falling back to structuredClone for what cloneMessage does not copy. Delivery is as
 * pdf.js's: every listener, one microtask after the post, in the order of posting.
 */
export class LoopbackPort {
  readonly #listeners = new Map<Listener, (() => void) | null>();
  readonly #deferred = Promise.resolve();

  postMessage(message: unknown, transfer?: readonly unknown[] | null): void {
    const list = transfer ?? [];
    let data = cloneMessage(message, list);
    if (data === UNCLONED)
      data = structuredClone(message, list.length > 0 ? ({ transfer: [...list] } as CloneOptions) : undefined);
    const event = { data };
    void this.#deferred.then(() => {
      for (const [listener] of this.#listeners) listener.call(this, event);
    });
  }

  addEventListener(_type: string, listener: Listener, options: { signal?: AbortSignal } | null = null): void {
    let stopWatching: (() => void) | null = null;
    const signal = options?.signal;
    if (signal instanceof AbortSignal) {
      if (signal.aborted) return;
      const onAbort = () => this.removeEventListener(_type, listener);
      stopWatching = () => signal.removeEventListener("abort", onAbort);
      signal.addEventListener("abort", onAbort);
    }
    this.#listeners.set(listener, stopWatching);
  }

  removeEventListener(_type: string, listener: Listener): void {
    this.#listeners.get(listener)?.();
    this.#listeners.delete(listener);
  }

  terminate(): void {
    for (const stopWatching of this.#listeners.values()) stopWatching?.();
    this.#listeners.clear();
  }
}
