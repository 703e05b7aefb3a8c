import type { HeadersLike } from "./fetch-types.js";
import { ApiError } from "./api-error.js";
import { errorFromData, errorFromText, toStatus } from "./build-error.js";
import { safeUrl, toHeaders } from "./headers.js";
import { DEFAULT_MAX_BODY_BYTES } from "./limits.js";
import { parseHttpDate } from "./retry-after.js";

/** What `parseErrorBody` reads: a status, headers and a body you already have. */
export interface ErrorBodyInput {
  /** The HTTP status (a value outside 100-599 becomes `status: null`). */
  status: number;
  /**
   * The response headers (`x-request-id`, `retry-after`, `x-should-retry`, `content-type`).
   * @default no headers
   */
  headers?: HeadersLike | Headers;
  /** Raw text (parsed as JSON when it is JSON), bytes (decoded as UTF-8), or an already parsed value. */
  body: string | Uint8Array | ArrayBuffer | unknown;
  /**
   * The request URL, for the message (query string dropped).
   * @default undefined (no URL in the message)
   */
  url?: string;
}

/** Options of `parseErrorBody`. */
export interface ParseErrorBodyOptions {
  /**
   * Longest text body read, in UTF-16 code units (bytes: in bytes); the rest is ignored.
   * @default 65_536
   */
  maxBodyBytes?: number;
}

/** A limit: a number >= 0, else `fallback` (parsing never throws on options). */
export const orDefault = (value: unknown, fallback: number): number =>
  typeof value === "number" && value >= 0 ? value : fallback;

/** A usable cap: a non-negative number (a whole one, at most 2^53 - 1), else the default. */
export const toCap = (max: unknown): number =>
  Math.floor(Math.min(orDefault(max, DEFAULT_MAX_BODY_BYTES), Number.MAX_SAFE_INTEGER));

function decode(bytes: Uint8Array, cap: number): { text: string; truncated: boolean } {
  return { text: new TextDecoder().decode(bytes.subarray(0, cap)), truncated: bytes.byteLength > cap };
}

/**
 * Turns a status, headers and a body you already hold into an `ApiError`, whatever the body's
 * shape (see `parseErrorResponse`). Never throws: bad input gives an ApiError that says so.
 */
export function parseErrorBody(input: ErrorBodyInput, options?: ParseErrorBodyOptions): ApiError {
  let status: number | null = null;
  try {
    status = toStatus(input.status);
    const ctx = { status, headers: toHeaders(input.headers), url: safeUrl(input.url), readDate: parseHttpDate };
    const cap = toCap(options?.maxBodyBytes);
    const body: unknown = input.body;
    if (typeof body === "string") return errorFromText(ctx, body.slice(0, cap), body.length > cap);
    if (body instanceof Uint8Array || body instanceof ArrayBuffer) {
      const { text, truncated } = decode(body instanceof ArrayBuffer ? new Uint8Array(body) : body, cap);
      return errorFromText(ctx, text, truncated);
    }
    if (body === undefined || body === null) return errorFromText(ctx, "", false);
    return errorFromData(ctx, body);
  } catch (e) {
    // Proxies and getters in a hand-made input can throw; the caller still gets an ApiError.
    return new ApiError({ status, detail: "the error body could not be read", cause: e });
  }
}
