import { ERROR_CODE_HEADER, errorTypeForHttpStatus, isErrorCode, PROBLEM_JSON_MEDIA_TYPE } from "@org/error-types";
import { isLenientErrorEnvelope } from "@org/error-validator";
import { type ApiError, parsedError } from "./api-error.js";
import { type BodyFields, bodyFields, NOTHING, unwrapArray } from "./body-shapes.js";
import { type HeaderReader, isJsonType, mediaType, requestIdFrom, shouldRetryFrom } from "./headers.js";
import { type HttpDateReader, retryAfterMsFrom } from "./retry-after.js";
import { MAX_BODY_SNIPPET_LENGTH, MAX_DETAIL_LENGTH, MAX_TEXT_DETAIL_LENGTH } from "./limits.js";
import { cut } from "./text.js";
import { toPlainText } from "./plain-text.js";

/** Where a body came from: the response around it. */
export interface ResponseContext {
  status: number | null;
  headers: HeaderReader;
  url: string | null;
  /**
   * How a `Retry-After` date is read (see retryAfterMsFrom); undefined reads no date. Not
   * optional: every reading says whether it reads dates (only parseErrorResponse does not).
   */
  readDate: HttpDateReader | undefined;
}

/** A valid HTTP status, else null (a fuzzed or opaque status is not a status). */
export const toStatus = (status: unknown): number | null =>
  // Number.isInteger is false for anything but a number.
  Number.isInteger(status) && (status as number) >= 100 && (status as number) <= 599 ? (status as number) : null;

/**
 * The ApiError of a response: what every response shares (status, URL, headers) and what its
 * body said. One flat literal in a fixed shape, built once. Why not `{ ...common, ... }`: the
 * spread built a slow-mode object, and reading it made every parse about 4x slower.
 */
function httpError(
  ctx: ResponseContext,
  body: unknown,
  detail: string,
  fields: BodyFields = NOTHING,
  isContract = false,
): ApiError {
  const { status, headers } = ctx;
  // A body that said no code (or could not be read): the `x-error-code` header still says it.
  const rawCode = fields.rawCode ?? headers.get(ERROR_CODE_HEADER) ?? undefined;
  return parsedError({
    status,
    url: ctx.url,
    requestId: requestIdFrom(headers, fields.requestId, fields.message),
    retryAfterMs: retryAfterMsFrom(headers, Date.now(), ctx.readDate),
    shouldRetry: shouldRetryFrom(headers),
    code: isErrorCode(rawCode) ? rawCode : null,
    rawCode,
    // With no category from the sender, the status gives one, as servers do. Not the
    // catalog's entry for the code: that would put the catalog's texts into every browser bundle.
    type: fields.type ?? (status !== null && status >= 400 ? errorTypeForHttpStatus(status) : null),
    param: fields.param,
    isContract,
    docUrl: fields.docUrl,
    body,
    detail,
  });
}

/** An ApiError from a parsed JSON body of any shape. */
export function errorFromData(ctx: ResponseContext, data: unknown): ApiError {
  const fields = bodyFields(data, mediaType(ctx.headers) === PROBLEM_JSON_MEDIA_TYPE);
  const message = fields.message;
  const detail =
    (message === null
      ? typeof data === "string" && toPlainText(data, MAX_TEXT_DETAIL_LENGTH)
      : cut(message, MAX_DETAIL_LENGTH)) ||
    (typeof data === "object" && data !== null
      ? "the error body has no message"
      : `the body is JSON ${cut(String(data), 40)}, not an error object`);
  // The guard reads members as properties; the fields above are own members only, so an
  // inherited `error` (never sent over the wire) does not make a contract body. A Google
  // array-wrapped envelope is one too (its first element is checked).
  return httpError(ctx, data, detail, fields, message !== null && isLenientErrorEnvelope(unwrapArray(data)));
}

/**
 * An ApiError from a body that is not usable JSON (HTML, plain text, broken JSON; kept as a
 * snippet), or from no body at all: `detail` says what it was or why there is none (empty,
 * already read, too slow).
 */
export const errorFromRaw = (ctx: ResponseContext, detail: string, raw = ""): ApiError =>
  httpError(ctx, cut(raw, MAX_BODY_SNIPPET_LENGTH), detail);

/**
 * An ApiError from a decoded body. JSON (by media type or by its first character) is parsed
 * and read in every known shape; anything else becomes a short plain-text detail.
 * `truncated` says the body was cut at the read cap.
 */
export function errorFromText(ctx: ResponseContext, body: string, truncated: boolean): ApiError {
  const text = body.replace(/^\ufeff/, "");
  const trimmed = text.trim();
  if (trimmed === "") return errorFromRaw(ctx, "the response body is empty");
  const type = mediaType(ctx.headers);
  const saysJson = isJsonType(type);
  if (saysJson || /^[{["]/.test(trimmed)) {
    try {
      return errorFromData(ctx, JSON.parse(trimmed) as unknown);
    } catch {
      // Declared JSON (or cut JSON) that does not parse is reported as such; "[Error] x" as text is just text.
      if (saysJson || truncated) {
        const why = truncated ? "cut at the read cap" : "not valid JSON";
        // The hint is made from the snippet kept in `body`, not the whole (up to 64 KiB) text.
        return errorFromRaw(
          ctx,
          `the response body is ${why}: ${toPlainText(trimmed.slice(0, MAX_BODY_SNIPPET_LENGTH), 120)}`,
          text,
        );
      }
    }
  }
  const plain = toPlainText(text, MAX_TEXT_DETAIL_LENGTH, type === "text/html" || type === "application/xhtml+xml");
  return errorFromRaw(ctx, plain || "the response body has no readable text", text);
}
