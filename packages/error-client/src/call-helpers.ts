/** What a fetch came to: a response or a failure, never a rejection. */
export type FetchOutcome = { response: Response } | { failure: unknown };

/**
 * Calls `fetch` and settles with what it gave: a synchronous throw and a rejection are both a
 * failure (so an abandoned fetch that rejects late is never an unhandled rejection).
 */
export async function settleFetch<I, N>(
  fetch: (input: I, init?: N) => Promise<Response>,
  input: I,
  init: N | undefined,
): Promise<FetchOutcome> {
  try {
    return { response: await fetch(input, init) };
  } catch (failure) {
    return { failure };
  }
}

/** Cancels a response body the caller will never get, which frees its connection. Never throws. */
export function discard(response: { body?: { cancel?: () => Promise<void> } | null }): void {
  try {
    response.body?.cancel?.().catch(() => undefined);
  } catch {
    // a locked body, or a Response-like object without a stream: nothing to free here
  }
}

/**
 * Calls a user hook for its own ends (logs, metrics): a throw is ignored, a returned promise
 * is not waited for and its rejection is ignored. A hook never changes the call's outcome.
 */
export function notify<E>(hook: ((event: E) => unknown) | undefined, event: E): void {
  try {
    const result = hook?.(event);
    if (typeof (result as PromiseLike<unknown> | undefined)?.then === "function")
      (result as PromiseLike<unknown>).then(undefined, () => undefined);
  } catch {
    // the hook's failure is the hook's; the call goes on as it would without it
  }
}
