import { vi } from "vitest";
import type { RetryEvent } from "../../src/index.js";

/** What a call under fake time came to, and how much (fake) time it waited. */
export interface Settled<T> {
  value?: T;
  error?: unknown;
  waitedMs: number;
}

const realTick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Drives a `fetchWithContract` call under vitest's fake timers. Real I/O proceeds on real
 * ticks; each time the code announces a wait (`onRetry`), the fake clock jumps by exactly
 * that wait. Only announced waits move the clock (the HTTP stack has timers of its own),
 * so `waitedMs` is the total the code slept, and no test waits in real time.
 */
export function fakeTimeDriver() {
  const announced: RetryEvent[] = [];
  let consumed = 0;
  return {
    /** Pass as `onRetry`. */
    onRetry: (event: RetryEvent): void => {
      announced.push(event);
    },
    /** Every wait announced so far. */
    events: announced,
    async settle<T>(promise: Promise<T>): Promise<Settled<T>> {
      const start = Date.now();
      // Set by the callbacks below (the type checker cannot see that).
      let done = false as boolean;
      const out: Settled<T> = { waitedMs: 0 };
      promise.then(
        (value) => ((out.value = value), (done = true)),
        (error: unknown) => ((out.error = error), (done = true)),
      );
      while (!done) {
        const next = announced[consumed];
        if (next === undefined) await realTick();
        else {
          consumed++;
          await vi.advanceTimersByTimeAsync(next.delayMs);
        }
      }
      out.waitedMs = Date.now() - start;
      return out;
    },
  };
}
