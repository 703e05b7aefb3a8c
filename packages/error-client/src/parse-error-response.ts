import { ApiError } from "./api-error.js";
import { errorFromText, errorFromRaw, toStatus } from "./build-error.js";
import { safeUrl } from "./headers.js";
import { DEFAULT_ERROR_BODY_TIMEOUT_MS } from "./limits.js";
import { toCap } from "./parse-error-body.js";
import { readCapped } from "./read-capped.js";
import { assertResponse } from "./response-shape.js";

/** Options of `parseErrorResponse`. */
export interface ParseErrorResponseOptions {
  /**
   * Most bytes of the body read; the rest of the stream is cancelled, never buffered.
   * @default 65_536 (64 KiB)
   */
  maxBodyBytes?: number;
  /**
   * Longest time spent reading the body, in ms. Past it the read (and the connection) is
   * cancelled and the ApiError's detail says the body timed out.
   * @default 10_000
   */
  timeoutMs?: number;
}

/** A time limit: a number >= 0, else the default (parsing never throws on options). */
const toTimeout = (ms: unknown): number => (typeof ms === "number" && ms >= 0 ? ms : DEFAULT_ERROR_BODY_TIMEOUT_MS);

/**
 * Turns any error response into one `ApiError`: our envelope, OpenAI's, Anthropic's, RFC 9457
 * problem+json, Google's, an HTML page, plain text, an empty or truncated body. Reads at most
 * `maxBodyBytes` for at most `timeoutMs` and cancels the rest. Rejects only with a TypeError
 * when `response` is not a Response (a programming mistake); any Response gives an ApiError.
 */
export async function parseErrorResponse(response: Response, options?: ParseErrorResponseOptions): Promise<ApiError> {
  assertResponse(response, "parseErrorResponse");
  let status: number | null = null;
  let url: string | null = null;
  try {
    status = toStatus(response.status);
    url = safeUrl(response.url);
    const ctx = { status, headers: response.headers, url };
    if (response.bodyUsed) {
      // The caller read the body first (response.json()); the status and headers still count.
      return errorFromRaw(ctx, "the response body was already read, so its error could not be parsed");
    }
    const timeout = toTimeout(options?.timeoutMs);
    const { text, truncated, timedOut } = await readCapped(response, toCap(options?.maxBodyBytes), timeout);
    if (timedOut)
      return errorFromRaw(ctx, `the error body did not end within ${timeout} ms; the connection was cancelled`);
    // A body that broke midway still says what it said so far (and the status still counts).
    return errorFromText(ctx, text, truncated);
  } catch (e) {
    return new ApiError({ status, url, detail: "the error response could not be read", cause: e });
  }
}
