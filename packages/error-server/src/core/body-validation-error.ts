import type { ValidationIssue } from "@org/error-validator";
import { logText } from "./log-text.js";

// Longest issue message and JSON Pointer quoted in the exception's message, in code points.
const MAX_LOGGED_MESSAGE = 300;
const MAX_LOGGED_PATH = 200;

/**
 * Thrown by the development safety net (`validate`): a handler produced a body that is not
 * a strict contract envelope (an unknown code or type, typically from `new ContractError`).
 */
export class ErrorBodyValidationError extends Error {
  override readonly name = "ErrorBodyValidationError";
  /** Everything the strict validator found wrong. */
  readonly issues: readonly ValidationIssue[];
  /** Status of the response that was about to be sent. */
  readonly status: number;
  /** Request id of that response, if any. */
  readonly requestId: string | undefined;

  constructor(issues: readonly ValidationIssue[], status: number, requestId: string | undefined, cause: unknown) {
    const first = issues[0];
    // The path names members of a body anyone may have shaped: one line, escaped, capped.
    const what = first
      ? `${logText(first.message, MAX_LOGGED_MESSAGE)}${first.path ? ` (at ${logText(first.path, MAX_LOGGED_PATH)})` : ""}`
      : "unknown problem";
    const which = requestId === undefined ? "a request without x-request-id" : `request ${requestId}`;
    super(`@org/error-server: the ${status} error response for ${which} is not a valid contract envelope: ${what}`, {
      cause,
    });
    this.issues = issues;
    this.status = status;
    this.requestId = requestId;
  }
}

/** True for an `ErrorBodyValidationError` (also one from another copy of this package). */
export function isErrorBodyValidationError(value: unknown): value is ErrorBodyValidationError {
  try {
    return (
      value instanceof ErrorBodyValidationError ||
      (value instanceof Error &&
        value.name === "ErrorBodyValidationError" &&
        Array.isArray((value as { issues?: unknown }).issues))
    );
  } catch {
    return false;
  }
}
