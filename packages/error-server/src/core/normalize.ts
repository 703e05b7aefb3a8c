import { type ErrorCode, type ErrorType, errorTypeForHttpStatus, mayCarryRetryAfter } from "@org/error-types";
import { isContractError, retryAfterSeconds } from "./contract-error.js";
import { NO_HEADERS, safeHeaders } from "./headers.js";
import { GENERIC_SERVER_ERROR_MESSAGE, isErrorStatusRange } from "./http-status.js";
import { checkUpstream, type UpstreamInfo } from "./upstream.js";

/** An error reduced to what a response may say about it. */
export interface NormalizedError {
  status: number;
  code: ErrorCode | null;
  type: ErrorType;
  message: string;
  param: string | null | undefined;
  headers: Readonly<Record<string, string>>;
  retryAfter: number | undefined;
  /** The upstream provider, when the error names one well-formed (a malformed one is dropped). */
  upstream: Readonly<UpstreamInfo> | undefined;
  /** Whether a client may retry, when the error says so itself (else the catalog decides). */
  retryable: boolean | undefined;
  /** True when the error was not a (well-formed) ContractError. */
  unexpected: boolean;
}

/** The generic 500 every unexpected error becomes: nothing of the error itself. */
const unexpected = (): NormalizedError => ({
  status: 500,
  code: null,
  type: errorTypeForHttpStatus(500),
  message: GENERIC_SERVER_ERROR_MESSAGE,
  param: undefined,
  headers: NO_HEADERS,
  retryAfter: undefined,
  upstream: undefined,
  retryable: undefined,
  unexpected: true,
});

/**
 * Reads a ContractError's fields once, checking each: a foreign copy (another version of
 * the package) or a tampered instance may carry anything, and getters may throw. Whatever
 * cannot be read safely makes the error unexpected. Code and type are kept as given even
 * when unknown to the catalog: that is what the `validate` safety net is there to catch.
 */
export function normalizeError(error: unknown): NormalizedError {
  if (!isContractError(error)) return unexpected();
  try {
    const { status, code, type, message, param, headers, retryAfter, upstream, retryable } = error as unknown as Record<
      string,
      unknown
    >;
    if (!isErrorStatusRange(status) || typeof message !== "string" || typeof type !== "string") return unexpected();
    if (code !== null && typeof code !== "string") return unexpected();
    const seconds = mayCarryRetryAfter(status) ? retryAfterSeconds(retryAfter) : undefined;
    return {
      status,
      code: code as ErrorCode | null,
      type: type as ErrorType,
      message,
      param: typeof param === "string" || param === null ? param : undefined,
      headers: safeHeaders(headers),
      retryAfter: seconds,
      upstream: upstreamOf(upstream),
      retryable: typeof retryable === "boolean" ? retryable : undefined,
      unexpected: false,
    };
  } catch {
    return unexpected();
  }
}

/** A foreign or tampered error's `upstream`, checked again; undefined when absent or malformed. */
function upstreamOf(value: unknown): Readonly<UpstreamInfo> | undefined {
  if (value === undefined) return undefined;
  try {
    return checkUpstream(value, "upstream");
  } catch {
    return undefined;
  }
}
