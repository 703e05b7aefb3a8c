import { ERROR_CATALOG, ERROR_CODES, RETRYABLE_ERROR_CODES } from "./generated/catalog.js";
import type { HttpErrorStatus } from "./generated/http.js";
import type { ErrorCode } from "./generated/types.js";

// A Set of the codes, not a lookup in ERROR_CATALOG: "__proto__" or "toString" can never
// match, and a bundle using only isErrorCode sheds the catalog's texts. Pure, so a bundle
// that never calls it drops it.
const CODE_SET: ReadonlySet<unknown> = /* @__PURE__ */ new Set<string>(ERROR_CODES);

/** True when `value` is one of the catalog codes (exact string, `channel:` prefix included). */
export function isErrorCode(value: unknown): value is ErrorCode {
  return CODE_SET.has(value);
}

/** True when `code` is a catalog code that a client may retry automatically. */
export function isRetryableErrorCode(code: unknown): code is (typeof RETRYABLE_ERROR_CODES)[number] {
  return typeof code === "string" && (RETRYABLE_ERROR_CODES as readonly string[]).includes(code);
}

/**
 * The canonical HTTP status of a code, typed as its literal: `codeToHttpStatus("model_not_found")`
 * is `404`. Any other string (`"__proto__"`, `"length"`, a code of a newer contract) gives
 * `undefined`: only the catalog's own entries are read, never an inherited property.
 */
export function codeToHttpStatus<C extends ErrorCode>(code: C): (typeof ERROR_CATALOG)[C]["status"];
export function codeToHttpStatus(code: string): HttpErrorStatus | undefined;
export function codeToHttpStatus(code: string): HttpErrorStatus | undefined {
  return isErrorCode(code) ? ERROR_CATALOG[code].status : undefined;
}

/** Every code whose canonical status is `status`, in reference order (empty for statuses no code uses). */
export function codesForHttpStatus(status: number): ErrorCode[] {
  return ERROR_CODES.filter((code) => ERROR_CATALOG[code].status === status);
}
