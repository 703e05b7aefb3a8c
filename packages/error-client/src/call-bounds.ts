import { MAX_TIMER_DELAY_MS } from "./limits.js";

/** What `race` gives when the call was stopped (budget spent or caller's abort) first. */
export const STOPPED: unique symbol = Symbol("stopped");

// A monotonic clock: a wall-clock step (NTP, a user changing the time) must not make a false
// timeout or an overrun. `performance` is in browsers, Workers, Deno, Bun and Node.
const now = (): number => (typeof performance === "object" ? performance.now() : Date.now());

/** The time budget and the caller's signal over one whole call. */
export interface CallBounds {
  /** The signal to give fetch: aborts with the caller's signal and when the call gives up. */
  signal: AbortSignal | undefined;
  /** Ms left of the budget (Infinity without one). */
  left(): number;
  /** True once the budget ran out. */
  expired(): boolean;
  /** Settles when the budget runs out or the caller aborts (never rejects). */
  stopped: Promise<typeof STOPPED>;
  /** `promise`, or STOPPED when the call is stopped first (a fetch that ignores its signal). */
  race<T>(promise: Promise<T>): Promise<T | typeof STOPPED>;
  /** Waits `ms`, or less when the call is stopped. */
  sleep(ms: number): Promise<unknown>;
  /** Cancels the request (and with it the connection and the body being read). */
  cancel(): void;
  /** Clears the timer and the listener on the caller's signal. */
  done(): void;
}

/**
 * Bounds a call in time whatever the fetch does (browsers have no timeouts of their own, and
 * a custom fetch may drop `init.signal`). One listener on the caller's signal for the call,
 * removed when it ends. The fetch's signal follows the caller's through `AbortSignal.any`
 * (no listener on the caller's signal, and the caller can still abort the body of the
 * Response handed back); without it, through a listener removed when the call ends.
 */
export function callBounds(caller: AbortSignal | null, budgetMs: number): CallBounds {
  const started = now();
  const controller = new AbortController();
  let expired = false;
  let stop = (): void => undefined;
  const stopped = new Promise<typeof STOPPED>((resolve) => (stop = () => resolve(STOPPED)));
  const timer =
    budgetMs < Infinity
      ? setTimeout(() => ((expired = true), stop()), Math.min(budgetMs, MAX_TIMER_DELAY_MS))
      : undefined;
  const any = (AbortSignal as { any?: (signals: AbortSignal[]) => AbortSignal }).any;
  const linked = caller !== null && typeof any === "function";
  const onAbort = (): void => {
    if (!linked) controller.abort(caller?.reason);
    stop();
  };
  if (caller?.aborted) onAbort();
  else caller?.addEventListener("abort", onAbort);
  const left = (): number => budgetMs - (now() - started);
  return {
    signal:
      caller === null && timer === undefined
        ? undefined
        : linked
          ? any([caller, controller.signal])
          : controller.signal,
    left,
    expired: () => expired || left() <= 0,
    stopped,
    race: (promise) => Promise.race([promise, stopped]),
    sleep(ms) {
      let t: ReturnType<typeof setTimeout> | undefined;
      const wait = new Promise((resolve) => (t = setTimeout(resolve, Math.min(Math.max(ms, 0), MAX_TIMER_DELAY_MS))));
      return Promise.race([wait, stopped]).finally(() => clearTimeout(t));
    },
    cancel: () => controller.abort(new DOMException("the time budget ran out", "TimeoutError")),
    done() {
      clearTimeout(timer);
      caller?.removeEventListener("abort", onAbort);
      stop();
    },
  };
}
