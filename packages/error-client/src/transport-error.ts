import { ApiError } from "./api-error.js";

function describe(e: unknown): string {
  if (!(e instanceof Error)) return "the request failed before a response arrived";
  // undici says "fetch failed" and puts the reason (ECONNREFUSED, ...) in `cause`.
  const cause = e.cause as { code?: unknown; message?: unknown } | undefined;
  const why = typeof cause?.code === "string" ? cause.code : typeof cause?.message === "string" ? cause.message : null;
  return why ? `${e.message} (${why})` : e.message;
}

/** The ApiError for a call stopped by the caller's signal (never retried). */
export function abortedError(url: string | null, reason: unknown): ApiError {
  const why = reason instanceof Error && reason.name === "TimeoutError" ? "the caller's signal timed out" : "the caller's signal aborted the request";
  return new ApiError({ kind: "aborted", url, detail: why, cause: reason });
}

/**
 * The ApiError for a fetch that rejected: an abort when the caller's signal fired,
 * else a network error (retried by default).
 */
export function transportError(e: unknown, url: string | null, signal: AbortSignal | null): ApiError {
  if (signal?.aborted) return abortedError(url, signal.reason);
  return new ApiError({ kind: "network", url, detail: describe(e), cause: e });
}
