import { cut, type ValidationIssue } from "./issue.js";

/** Longest issue message quoted in the error's own message. */
const MAX_MESSAGE_QUOTE = 1_000;
const cutMessage = (m: string): string => (m.length > MAX_MESSAGE_QUOTE ? `${m.slice(0, MAX_MESSAGE_QUOTE)}…` : m);

/** Thrown by `assertErrorEnvelope`: the value is not a strict error envelope. */
export class ErrorEnvelopeValidationError extends TypeError {
  override readonly name = "ErrorEnvelopeValidationError" as const;
  /** Everything found wrong; the message names the first. */
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[]) {
    const first = issues[0];
    // Issues from this package quote at most 80 characters of anything received; issues
    // built by hand may not, so the message cuts both parts again.
    super(
      `invalid error envelope: ${first ? `${cutMessage(first.message)}${first.path ? ` (at ${cut(first.path)})` : ""}` : "unknown problem"}`,
    );
    this.issues = issues;
  }
}

/** True for an `ErrorEnvelopeValidationError` (also one from another copy of this package). */
export function isErrorEnvelopeValidationError(value: unknown): value is ErrorEnvelopeValidationError {
  return (
    value instanceof ErrorEnvelopeValidationError ||
    (value instanceof Error &&
      value.name === "ErrorEnvelopeValidationError" &&
      Array.isArray((value as { issues?: unknown }).issues))
  );
}
