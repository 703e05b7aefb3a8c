import type { FetchInput } from "./fetch-types.js";
import { safeUrl } from "./headers.js";

const isRequest = (input: unknown): input is Request => typeof Request !== "undefined" && input instanceof Request;

/** The URL of a fetch input, fit for a message (no query string). */
export function urlOf(input: FetchInput): string | null {
  if (isRequest(input)) return safeUrl(input.url);
  return safeUrl(input instanceof URL ? input.href : String(input));
}

/** The signal that aborts the call: `init.signal`, else the Request's own. */
export function signalOf(input: FetchInput, init: RequestInit | undefined): AbortSignal | null {
  return init?.signal ?? (isRequest(input) ? input.signal : null);
}

/**
 * True when the request can be sent again as it is. A stream (or async iterable) is
 * consumed by the first attempt and cannot be replayed; neither can a `Request` that
 * carries its own body (its body is a stream), unless `init.body` replaces it.
 */
export function isReplayable(input: FetchInput, init: RequestInit | undefined): boolean {
  const body: unknown = init?.body;
  if (body === undefined || body === null) return !(isRequest(input) && input.body !== null);
  if (typeof ReadableStream !== "undefined" && body instanceof ReadableStream) return false;
  return typeof body !== "object" || !(Symbol.asyncIterator in body);
}
