import { REQUEST_ID_HEADER, SHOULD_RETRY_HEADER } from "@org/error-types";

/** The one thing parsing needs of headers: a case-insensitive `get`. `Headers` is one. */
export interface HeaderReader {
  get(name: string): string | null;
}

const NO_HEADERS: HeaderReader = { get: () => null };
// RFC 9110 token characters: what `new Headers()` accepts as a name.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Values `new Headers()` refuses: NUL, CR, LF.
const BAD_VALUE = /[\0\r\n]/;

/**
 * Headers from anything: a `Headers` as it is; a record or a list of pairs read the way
 * `new Headers()` would (names case-insensitive, values trimmed, repeats joined with ", ").
 * A bad `HeadersInit` (invalid names or values, throwing getters) gives empty headers.
 * Why not `new Headers(init)`: building one costs more than the rest of a parse.
 */
export function toHeaders(init: unknown): HeaderReader {
  if (init instanceof Headers) return init;
  if (init === undefined || init === null) return NO_HEADERS;
  try {
    const map = new Map<string, string>();
    const add = (name: unknown, raw: unknown): void => {
      if (typeof name !== "string" || !TOKEN.test(name)) throw new TypeError("bad header name");
      const value = String(raw).replace(/^[\t ]+|[\t ]+$/g, "");
      if (BAD_VALUE.test(value)) throw new TypeError("bad header value");
      const key = name.toLowerCase();
      const seen = map.get(key);
      map.set(key, seen === undefined ? value : `${seen}, ${value}`);
    };
    // Another implementation's Headers (a polyfill, another realm): ask it, as `new Headers` would.
    if (typeof (init as { get?: unknown }).get === "function" && Symbol.iterator in (init as object)) {
      const foreign = init as { get(name: string): unknown };
      return {
        get: (name) => {
          const v = foreign.get(name);
          return v === null || v === undefined ? null : String(v);
        },
      };
    }
    if (typeof init === "object" && Symbol.iterator in init) {
      for (const pair of init as Iterable<unknown>) {
        if (!Array.isArray(pair) || pair.length !== 2) throw new TypeError("bad header pair");
        add(pair[0], pair[1]);
      }
    } else if (typeof init === "object") {
      for (const name of Object.keys(init)) add(name, (init as Record<string, unknown>)[name]);
    } else {
      return NO_HEADERS;
    }
    return { get: (name) => map.get(name.toLowerCase()) ?? null };
  } catch {
    return NO_HEADERS;
  }
}

const MAX_ID_LENGTH = 200;
// "(request id: 2024112512000012345)" is how the gateway appends its id to messages.
const ID_IN_MESSAGE = /\(request id: ([^\s()]{1,200})\)/i;

/**
 * The request id: `x-request-id`, then `request-id` (Anthropic), then `x-oneapi-request-id`
 * (new-api / one-api gateways, also on relayed upstream errors), then the body, then the message.
 */
export function requestIdFrom(headers: HeaderReader, fromBody: string | null, message: string | null): string | null {
  const header = headers.get(REQUEST_ID_HEADER) ?? headers.get("request-id") ?? headers.get("x-oneapi-request-id");
  const id = header?.trim() || fromBody || ID_IN_MESSAGE.exec(message ?? "")?.[1];
  return id ? id.slice(0, MAX_ID_LENGTH) : null;
}

/** `x-should-retry: true|false` (any case), else null. */
export function shouldRetryFrom(headers: HeaderReader): boolean | null {
  const value = headers.get(SHOULD_RETRY_HEADER)?.trim().toLowerCase();
  return value === "true" ? true : value === "false" ? false : null;
}

/** The media type of a response, lower-case, without parameters ("" when absent). */
export const mediaType = (headers: HeaderReader): string =>
  (headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";

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
