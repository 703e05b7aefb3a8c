import { type ErrorCode, errorTypeForHttpStatus, isErrorCode } from "@org/error-types";
import { isLenientErrorEnvelope } from "@org/error-validator";
import { type ApiError, parsedError } from "./api-error.js";
import { bodyFields, unwrapArray } from "./body-shapes.js";
import { type HeaderReader, isJsonType, mediaType, requestIdFrom, retryAfterMsFrom, shouldRetryFrom } from "./headers.js";
import { MAX_BODY_SNIPPET_LENGTH, MAX_DETAIL_LENGTH, MAX_TEXT_DETAIL_LENGTH } from "./limits.js";
import { cut } from "./text.js";
import { toPlainText } from "./plain-text.js";

/** Where a body came from: the response around it. */
export interface ResponseContext {
  status: number | null;
  headers: HeaderReader;
  url: string | null;
}

/** A valid HTTP status, else null (a fuzzed or opaque status is not a status). */
export const toStatus = (status: unknown): number | null =>
  typeof status === "number" && Number.isInteger(status) && status >= 100 && status <= 599 ? status : null;

/** What an error from a response says about its body. */
interface BodyPart {
  code: ErrorCode | null;
  rawCode: unknown;
  type: string | null;
  param: string | null;
  isContract: boolean;
  docUrl: string | null;
  body: unknown;
  detail: string;
}

/**
 * The ApiError of a response: what every response shares (status, URL, headers) and what
 * its body said. One flat literal in a fixed shape. Why not `{ ...common, code, ... }`:
 * the spread built a slow-mode object, and reading it made every parse about 4x slower.
 */
function httpError(ctx: ResponseContext, message: string | null, bodyRequestId: string | null, part: BodyPart): ApiError {
  return parsedError({
    kind: "http",
    status: ctx.status,
    url: ctx.url,
    requestId: requestIdFrom(ctx.headers, bodyRequestId, message),
    retryAfterMs: retryAfterMsFrom(ctx.headers, Date.now()),
    shouldRetry: shouldRetryFrom(ctx.headers),
    code: part.code,
    rawCode: part.rawCode,
    type: part.type,
    param: part.param,
    isContract: part.isContract,
    docUrl: part.docUrl,
    body: part.body,
    detail: part.detail,
  });
}

// With no category from the sender, the status gives one, as servers do. Not the catalog's
// entry for the code: that would put the catalog's texts into every browser bundle.
const derivedType = (status: number | null): string | null => (status !== null && status >= 400 ? errorTypeForHttpStatus(status) : null);

/** An ApiError from a parsed JSON body of any shape. */
export function errorFromData(ctx: ResponseContext, data: unknown): ApiError {
  const fields = bodyFields(data, mediaType(ctx.headers) === "application/problem+json");
  const code = isErrorCode(fields.rawCode) ? fields.rawCode : null;
  let detail = fields.message === null ? null : cut(fields.message, MAX_DETAIL_LENGTH);
  if (detail === null && typeof data === "string") detail = toPlainText(data, MAX_TEXT_DETAIL_LENGTH) || null;
  if (detail === null) detail = typeof data === "object" && data !== null ? "the error body has no message" : `the body is JSON ${cut(String(data), 40)}, not an error object`;
  return httpError(ctx, fields.message, fields.requestId, {
    code,
    rawCode: fields.rawCode,
    type: fields.type ?? derivedType(ctx.status),
    param: fields.param,
    // The guard reads members as properties; the fields above are own members only, so an
    // inherited `error` (never sent over the wire) does not make a contract body. A Google
    // array-wrapped envelope is one too (its first element is checked).
    isContract: fields.message !== null && isLenientErrorEnvelope(unwrapArray(data)),
    docUrl: fields.docUrl,
    body: data,
    detail,
  });
}

/** An ApiError from a body that is not usable JSON: HTML, plain text, nothing, broken JSON. */
function errorFromNonJson(ctx: ResponseContext, raw: string, detail: string): ApiError {
  return httpError(ctx, null, null, { code: null, rawCode: undefined, type: derivedType(ctx.status), param: null, isContract: false, docUrl: null, body: cut(raw, MAX_BODY_SNIPPET_LENGTH), detail });
}

/**
 * An ApiError from a decoded body. JSON (by media type or by its first character) is parsed
 * and read in every known shape; anything else becomes a short plain-text detail.
 * `truncated` says the body was cut at the read cap; `emptyDetail` is the detail for no body.
 */
export function errorFromText(ctx: ResponseContext, body: string, truncated: boolean, emptyDetail = "the response body is empty"): ApiError {
  const text = body.charCodeAt(0) === 0xfeff ? body.slice(1) : body;
  const trimmed = text.trim();
  if (trimmed === "") return errorFromNonJson(ctx, "", emptyDetail);
  const type = mediaType(ctx.headers);
  const saysJson = isJsonType(type);
  if (saysJson || /^[{["]/.test(trimmed)) {
    try {
      return errorFromData(ctx, JSON.parse(trimmed) as unknown);
    } catch {
      // Declared JSON (or cut JSON) that does not parse is reported as such; "[Error] x" as text is just text.
      if (saysJson || truncated) {
        const why = truncated ? "cut at the read cap" : "not valid JSON";
        return errorFromNonJson(ctx, text, `the response body is ${why}: ${toPlainText(trimmed, 120)}`);
      }
    }
  }
  const plain = toPlainText(text, MAX_TEXT_DETAIL_LENGTH, type === "text/html" || type === "application/xhtml+xml");
  return errorFromNonJson(ctx, text, plain === "" ? "the response body has no readable text" : plain);
}
