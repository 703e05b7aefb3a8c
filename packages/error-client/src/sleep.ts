import { MAX_TIMER_DELAY_MS } from "./limits.js";

/**
 * Waits `ms` (clamped to what a timer holds: a longer delay would fire at once), or rejects with the signal's reason the moment it aborts (the timer is cleared,
 * nothing is left pending). Uses the global `setTimeout` at call time, so fake timers apply.
 */
export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      },
      Math.min(Math.max(ms, 0), MAX_TIMER_DELAY_MS),
    );
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
