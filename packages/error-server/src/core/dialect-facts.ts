/**
 * The dialect facts this package renders by, all from `@org/error-types` (generated from
 * `x-dialects` in schemas/), plus the two readings of them the renderers share.
 */
import {
  type Dialect,
  dialectErrorType,
  DIALECTS,
  type ErrorType,
  errorTypeForHttpStatus,
  REQUEST_ID_HEADER,
} from "@org/error-types";

export { type Dialect, DIALECT_NAMES, DIALECTS, type DialectEntry, isDialect } from "@org/error-types";

/**
 * The surface's name for an error of contract `type` answered with `status` (Anthropic's
 * `api_error`, Gemini's `status` enum). A type outside the contract (caught by `validate`
 * where it is on) is named by its status's type, so the body stays the surface's.
 */
export function surfaceType(dialect: Dialect, type: string, status: number): string {
  const known = Object.hasOwn(DIALECTS[dialect].types, type) ? (type as ErrorType) : errorTypeForHttpStatus(status);
  return dialectErrorType(dialect, known, status);
}

/**
 * The dialect's request-id headers besides the contract's own `x-request-id` (which the
 * echo header, `requestIdHeader`, stands for: renamed, it is not sent twice). Anthropic:
 * `request-id`, which its SDK reads as `err.requestID`.
 */
export function extraRequestIdHeaders(dialect: Dialect): readonly string[] {
  // Worked out once per dialect: every error response asks.
  let names = extra.get(dialect);
  if (names === undefined)
    extra.set(dialect, (names = DIALECTS[dialect].requestIdHeaders.filter((name) => name !== REQUEST_ID_HEADER)));
  return names;
}
const extra = new Map<Dialect, readonly string[]>();
