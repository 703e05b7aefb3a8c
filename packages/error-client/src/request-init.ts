import { MAX_TIMER_DELAY_MS } from "./limits.js";

/**
 * `init` with the `json` option applied: the body is `JSON.stringify(json)` and the
 * content type `application/json` unless the caller set one. Both `json` and `init.body`:
 * TypeError (which one to send would be a guess).
 */
export function withJson(
  init: RequestInit | undefined,
  options: { json?: unknown } | undefined,
): RequestInit | undefined {
  if (options === undefined || !("json" in options) || options.json === undefined) return init;
  if (init?.body !== undefined && init.body !== null)
    throw new TypeError("@org/error-client: pass either init.body or options.json, not both");
  const body = JSON.stringify(options.json);
  if (body === undefined) throw new TypeError("@org/error-client: options.json is not serialisable as JSON");
  const headers = new Headers(init?.headers);
  if (!headers.has("content-type")) headers.set("content-type", "application/json");
  return { ...init, method: init?.method ?? "POST", body, headers };
}

/** A time budget over a whole call: the init to send, whether it ran out, and cleanup. */
export interface Budget {
  init: RequestInit | undefined;
  /** True when a finite budget applies. */
  limited: boolean;
  expired(): boolean;
  done(): void;
}

/**
 * Bounds a call in time without relying on the runtime's own timeouts (browsers have none):
 * when `budgetMs` runs out, the signal given to fetch aborts, which cancels the request or
 * the body being read, and with it the connection. The caller's signal still aborts too.
 */
export function withBudget(init: RequestInit | undefined, callerSignal: AbortSignal | null, budgetMs: number): Budget {
  if (!(budgetMs < Number.POSITIVE_INFINITY))
    return { init, limited: false, expired: () => false, done: () => undefined };
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(
    () => {
      expired = true;
      controller.abort(new DOMException("the time budget ran out", "TimeoutError"));
    },
    Math.min(budgetMs, MAX_TIMER_DELAY_MS),
  );
  if (callerSignal?.aborted) controller.abort(callerSignal.reason);
  else callerSignal?.addEventListener("abort", () => controller.abort(callerSignal.reason), { once: true });
  const signal = controller.signal;
  return {
    init: { ...init, signal },
    limited: true,
    expired: () => expired,
    // The response handed back stays the caller's: the budget no longer applies to its body.
    done: () => clearTimeout(timer),
  };
}
