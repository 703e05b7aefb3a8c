import { ERROR_CODE_HEADER, REQUEST_ID_HEADER, RETRY_AFTER_HEADER, SHOULD_RETRY_HEADER } from "./header-names.js";
import { isRepresentationHeader } from "./header-rules.js";

/** The `content-type` of every error response. */
export const ERROR_CONTENT_TYPE = "application/json; charset=utf-8";

/** Longest request id echoed back; longer ones are not echoed at all. */
export const MAX_REQUEST_ID_LENGTH = 200;

// RFC 9110 token characters for names; values without control characters (node:http and
// fetch both reject CR, LF and NUL, and a header injection starts with them).
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
// Request ids are echoed from untrusted input: visible ASCII only, nothing that could split a header.
const REQUEST_ID = /^[\x21-\x7e]+$/;

// Headers the package owns: a handler's own headers cannot replace them.
const RESERVED = new Set([
  "content-type",
  "content-length",
  SHOULD_RETRY_HEADER,
  RETRY_AFTER_HEADER,
  REQUEST_ID_HEADER,
  ERROR_CODE_HEADER,
]);

/** True for a header name node:http and fetch accept. */
export function isValidHeaderName(name: string): boolean {
  return HEADER_NAME.test(name);
}

/** True for a header value node:http and fetch accept. */
export function isValidHeaderValue(value: string): boolean {
  return HEADER_VALUE.test(value);
}

/**
 * A request id safe to echo, or undefined. Why not throw: the id often comes from the
 * incoming request, and a hostile one must not turn an error response into a crash.
 */
export function sanitizeRequestId(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_REQUEST_ID_LENGTH) return undefined;
  return REQUEST_ID.test(value) ? value : undefined;
}

/**
 * Validates a handler's extra headers, lower-casing the names. Throws a `TypeError` naming
 * the bad header: a wrong header is a programming error, best seen where it is made.
 */
export function normalizeHeaders(headers: Record<string, string>, where: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!isValidHeaderName(name)) throw new TypeError(`${where}: ${JSON.stringify(name)} is not a valid header name`);
    if (typeof value !== "string" || !isValidHeaderValue(value)) {
      throw new TypeError(`${where}: the value of header "${name}" must be a string without control characters`);
    }
    const lower = name.toLowerCase();
    if (RESERVED.has(lower))
      throw new TypeError(`${where}: header "${lower}" is set by @org/error-server and cannot be given here`);
    out[lower] = value;
  }
  return out;
}

/** The headers of an error that carries none (shared: never written to). */
export const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

/**
 * Copies the headers an error may add to its response from an untrusted record (a foreign
 * error, an error's own `headers` copied from an upstream): valid, not the package's own,
 * and not of a representation (framing, coding, range, validators: see
 * `isRepresentationHeader`), dropping the rest.
 */
export function safeHeaders(headers: unknown): Readonly<Record<string, string>> {
  // Most errors carry none: one shared, frozen empty record instead of an object per response.
  if (typeof headers !== "object" || headers === null) return NO_HEADERS;
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (
      typeof value === "string" &&
      isValidHeaderName(name) &&
      isValidHeaderValue(value) &&
      !RESERVED.has(lower) &&
      !isRepresentationHeader(lower)
    )
      out[lower] = value;
  }
  return out;
}
