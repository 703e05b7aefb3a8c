import type { ValidationIssue } from "./issue.js";

/** Thrown by `assertErrorEnvelope`: the value is not a strict error envelope. */
export class ErrorEnvelopeValidationError extends TypeError {
  override readonly name = "ErrorEnvelopeValidationError" as const;
  /** Everything found wrong; the message names the first. */
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[]) {
    const first = issues[0];
    super(`invalid error envelope: ${first ? `${first.message}${first.path ? ` (at ${first.path})` : ""}` : "unknown problem"}`);
    this.issues = issues;
  }
}

/** True for an `ErrorEnvelopeValidationError` (also one from another copy of this package). */
export function isErrorEnvelopeValidationError(value: unknown): value is ErrorEnvelopeValidationError {
  return value instanceof ErrorEnvelopeValidationError || (value instanceof Error && value.name === "ErrorEnvelopeValidationError" && Array.isArray((value as { issues?: unknown }).issues));
}
