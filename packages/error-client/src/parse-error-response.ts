import { ApiError } from "./api-error.js";
import { errorFromText, errorFromRaw, toStatus } from "./build-error.js";
import { safeUrl } from "./headers.js";
import { DEFAULT_ERROR_BODY_TIMEOUT_MS } from "./limits.js";
import { orDefault, toCap } from "./parse-error-body.js";
import { readCapped } from "./read-capped.js";
import { type HttpDateReader, parseHttpDate } from "./retry-after.js";
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

/**
 * `parseErrorResponse` with what fetchWithContract adds: `url` stands in for a Response that
 * has none (a custom fetch's), the read also ends when `until` settles (the call was
 * stopped), `describe` says why a read failed (fetchWithContract names the causes:
 * `terminated other side closed (UND_ERR_SOCKET)`; the browser bundle of parseErrorResponse
 * does not carry that code), and `readDate` reads a `Retry-After` date (parseHttpDate; the
 * bundle does not carry that grammar either). One function, not a wrapper: every byte of it
 * is in that bundle.
 */
export async function readErrorResponse(
  response: Response,
  options?: ParseErrorResponseOptions,
  url: string | null = null,
  until?: Promise<unknown>,
  // By default the failure as text ("TypeError: terminated"); a hostile toString is caught below.
  describe: (failure: unknown) => string = String,
  readDate?: HttpDateReader,
): Promise<ApiError> {
  assertResponse(response, "parseErrorResponse");
  let status: number | null = null;
  try {
    status = toStatus(response.status);
    url = safeUrl(response.url) ?? url;
    const ctx = { status, headers: response.headers, url, readDate };
    if (response.bodyUsed) {
      // The caller read the body first (response.json()); the status and headers still count.
      return errorFromRaw(ctx, "the response body was already read, so its error could not be parsed");
    }
    const timeout = orDefault(options?.timeoutMs, DEFAULT_ERROR_BODY_TIMEOUT_MS);
    const [text, bytes, truncated, failure, timedOut] = await readCapped(
      response,
      toCap(options?.maxBodyBytes),
      timeout,
      until,
    );
    if (timedOut)
      return errorFromRaw(ctx, `the error body did not end within ${timeout} ms; the connection was cancelled`, text);
    // A body that broke midway (or a locked one): say what failed and keep what was read; the
    // status and headers (x-error-code, x-should-retry) still decide.
    if (failure !== null)
      return errorFromRaw(ctx, `the error body could not be read after ${bytes} bytes: ${describe(failure)}`, text);
    return errorFromText(ctx, text, truncated);
  } catch (e) {
    return new ApiError({ status, url, detail: "the error response could not be read", cause: e });
  }
}

/**
 * Turns any error response into one `ApiError`: our envelope, OpenAI's, Anthropic's, RFC 9457
 * problem+json, Google's, an HTML page, plain text, an empty or truncated body. Reads at most
 * `maxBodyBytes` for at most `timeoutMs` and cancels the rest. A body that breaks midway gives
 * an ApiError saying so, with what was read and what the headers say. `retryAfterMs` comes
 * from `retry-after-ms` or a delay-seconds `Retry-After`; a `Retry-After` date is not read
 * here (read it with `parseHttpDate`; fetchWithContract does). Rejects only with a
 * TypeError when `response` is not a Response (a programming mistake).
 */
export const parseErrorResponse: (response: Response, options?: ParseErrorResponseOptions) => Promise<ApiError> =
  readErrorResponse;

/**
 * `parseErrorResponse` that also reads a `Retry-After` date: the reading of readSseEvents and
 * the AI SDK adapter, which are not in the browser bundle the date grammar is kept out of.
 */
export const readErrorWithDates = (response: Response): Promise<ApiError> =>
  readErrorResponse(response, undefined, null, undefined, String, parseHttpDate);
