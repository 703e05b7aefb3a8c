/** Headers from anything: a bad `HeadersInit` (invalid names, throwing getters) gives empty headers. */
export function toHeaders(init: unknown): Headers {
  if (init instanceof Headers) return init;
  try {
    return new Headers((init ?? undefined) as HeadersInit | undefined);
  } catch {
    return new Headers();
  }
}

const MAX_ID_LENGTH = 200;
// "(request id: 2024112512000012345)" is how the gateway appends its id to messages.
const ID_IN_MESSAGE = /\(request id: ([^\s()]{1,200})\)/i;

/** The request id: `x-request-id`, then `request-id` (Anthropic), then the body, then the message. */
export function requestIdFrom(headers: Headers, fromBody: string | null, message: string | null): string | null {
  const header = headers.get("x-request-id") ?? headers.get("request-id");
  const id = header?.trim() || fromBody || (message === null ? undefined : ID_IN_MESSAGE.exec(message)?.[1]);
  return id ? id.slice(0, MAX_ID_LENGTH) : null;
}

/** `x-should-retry: true|false` (any case), else null. */
export function shouldRetryFrom(headers: Headers): boolean | null {
  const value = headers.get("x-should-retry")?.trim().toLowerCase();
  return value === "true" ? true : value === "false" ? false : null;
}

const NUMBER = /^\s*\d+(?:\.\d+)?\s*$/;
// Never Infinity: a huge value is kept as "very long" and clamped by the retry policy.
const finite = (ms: number): number => Math.min(Math.ceil(ms), Number.MAX_SAFE_INTEGER);

/**
 * How long the server asked to wait, in ms: `retry-after-ms` (OpenAI), then `Retry-After`
 * in seconds or as an HTTP date (a date in the past gives 0). Garbage and negatives give null.
 */
export function retryAfterMsFrom(headers: Headers, now: number): number | null {
  const ms = headers.get("retry-after-ms");
  if (ms !== null && NUMBER.test(ms)) return finite(Number(ms));
  const value = headers.get("retry-after");
  if (value === null) return null;
  if (NUMBER.test(value)) return finite(Number(value) * 1000);
  // HTTP dates contain letters and a comma or spaces; bare words ("soon") parse as NaN.
  if (!/[a-z]/i.test(value) || !/\d/.test(value)) return null;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, finite(date - now));
}

/** The media type of a response, lower-case, without parameters ("" when absent). */
export const mediaType = (headers: Headers): string => (headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";

/** True for `application/json` and `*+json` (problem+json), not for streaming JSON types. */
export const isJsonType = (type: string): boolean => type === "application/json" || type.endsWith("+json");

/**
 * A URL fit for a message: origin and path only. Why: query strings carry API keys
 * (`?key=`), and URLs with user info carry passwords; neither belongs in a log line.
 */
export function safeUrl(url: unknown): string | null {
  if (typeof url !== "string" || url === "") return null;
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return url.split(/[?#]/, 1)[0]?.slice(0, 500) || null;
  }
}
