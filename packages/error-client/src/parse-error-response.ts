import { ApiError } from "./api-error.js";
import { errorFromText, toStatus } from "./build-error.js";
import { safeUrl } from "./headers.js";
import { toCap } from "./parse-error-body.js";
import { readCapped } from "./read-capped.js";

/** Options of `parseErrorResponse`. */
export interface ParseErrorResponseOptions {
  /**
   * Most bytes of the body read; the rest of the stream is cancelled, never buffered.
   * @default 65_536 (64 KiB)
   */
  maxBodyBytes?: number;
}

/**
 * Turns any error response into one `ApiError`: our envelope, OpenAI's, Anthropic's, RFC 9457
 * problem+json, Google's, an HTML page, plain text, an empty or truncated body. Reads at most
 * `maxBodyBytes` and cancels the rest. Never rejects.
 */
export async function parseErrorResponse(response: Response, options?: ParseErrorResponseOptions): Promise<ApiError> {
  let status: number | null = null;
  let url: string | null = null;
  try {
    status = toStatus(response.status);
    url = safeUrl(response.url);
    if (response.bodyUsed) {
      // The caller read the body first (response.json()); the status and headers still count.
      return errorFromText({ status, headers: response.headers, url }, "", false, "the response body was already read, so its error could not be parsed");
    }
    const { text, truncated } = await readCapped(response, toCap(options?.maxBodyBytes));
    // A body that broke midway still says what it said so far (and the status still counts).
    return errorFromText({ status, headers: response.headers, url }, text, truncated);
  } catch (e) {
    return new ApiError({ status, url, detail: "the error response could not be read", cause: e });
  }
}
