/**
 * Peer (c) of the bundle bench: what a team writes by hand with a schema library instead of
 * @org/error-client. It does the core of the same job (capped body read, envelope via the
 * given schema check, text fallback, retry decision by header, code, then status) and skips
 * the rest (Anthropic, RFC 9457 and Google shapes, SSE), so its size is a lower bound.
 */

/** A lenient envelope as the schema check returns it. */
export interface LenientEnvelope {
  error: {
    message: string;
    type?: string | null | undefined;
    code?: string | number | null | undefined;
    param?: string | null | undefined;
  };
}

/** Catalog codes and whether each may be retried, typed in by the team (checked against the catalog by the bench). */
export const RETRYABLE_BY_CODE: Readonly<Record<string, boolean>> = {
  invalid_request: false,
  bad_request_body: false,
  read_request_body_failed: false,
  convert_request_failed: false,
  sensitive_words_detected: false,
  prompt_blocked: false,
  access_denied: false,
  model_not_found: false,
  invalid_api_type: false,
  get_channel_failed: true,
  "channel:no_available_key": true,
  "channel:invalid_key": false,
  "channel:model_mapped_error": false,
  "channel:response_time_exceeded": true,
  insufficient_user_quota: false,
  pre_consume_token_quota_failed: false,
  model_price_error: false,
  count_token_failed: false,
  do_request_failed: true,
  bad_response: true,
  bad_response_status_code: true,
  empty_response: true,
  read_response_body_failed: true,
  json_marshal_failed: true,
  query_data_error: true,
  update_data_error: true,
};

const RETRY_STATUSES = new Set([408, 409, 429, 500, 502, 503, 504]);
const MAX_BODY = 65_536;

/** The typed error every failed response becomes. */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string | null,
    readonly rawCode: unknown,
    readonly type: string | null,
    readonly param: string | null,
    readonly requestId: string | null,
    readonly retryAfterMs: number | null,
    readonly shouldRetry: boolean | null,
    readonly isContract: boolean,
    readonly body: unknown,
  ) {
    super(message);
  }
}

async function readCapped(response: Response, max: number): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < max) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  if (size >= max) await reader.cancel();
  const bytes = new Uint8Array(Math.min(size, max));
  let at = 0;
  for (const c of chunks) {
    const part = c.subarray(0, Math.min(c.byteLength, bytes.length - at));
    bytes.set(part, at);
    at += part.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

function retryAfter(headers: Headers): number | null {
  const ms = Number(headers.get("retry-after-ms"));
  if (ms > 0) return ms;
  const value = headers.get("retry-after");
  if (!value) return null;
  const seconds = Number(value);
  const delay = Number.isNaN(seconds) ? Date.parse(value) - Date.now() : seconds * 1000;
  return Number.isFinite(delay) ? Math.min(Math.max(delay, 0), 60_000) : null;
}

/** Builds `parseErrorResponse` around a schema check (zod, zod/mini, ...). Never rejects. */
export function createParseErrorResponse(check: (value: unknown) => LenientEnvelope | null) {
  return async function parseErrorResponse(response: Response, options?: { maxBodyBytes?: number }): Promise<ApiError> {
    const { status, headers } = response;
    const requestId = headers.get("x-request-id") ?? headers.get("request-id");
    const hint = headers.get("x-should-retry");
    const shouldRetry = hint === "true" ? true : hint === "false" ? false : null;
    let text = "";
    try {
      text = await readCapped(response, options?.maxBodyBytes ?? MAX_BODY);
    } catch {
      // a broken stream is an error response with no body
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const envelope = check(json);
    if (envelope) {
      const { message, type, code, param } = envelope.error;
      const known =
        typeof code === "string" && Object.prototype.hasOwnProperty.call(RETRYABLE_BY_CODE, code) ? code : null;
      return new ApiError(
        message,
        status,
        known,
        code,
        type ?? null,
        param ?? null,
        requestId,
        retryAfter(headers),
        shouldRetry,
        true,
        json,
      );
    }
    const plain = text
      .replace(/<[^>]*>/g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, 200);
    return new ApiError(
      plain || `HTTP ${status}`,
      status,
      null,
      undefined,
      null,
      null,
      requestId,
      retryAfter(headers),
      shouldRetry,
      false,
      json ?? plain,
    );
  };
}

/** Header first, then the code's catalog flag, then the status. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.shouldRetry !== null) return error.shouldRetry;
  if (error.code !== null) return RETRYABLE_BY_CODE[error.code] === true;
  return error.status !== null && RETRY_STATUSES.has(error.status);
}
