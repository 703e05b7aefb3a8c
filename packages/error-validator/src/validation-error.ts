import type { ValidationIssue } from "./issue.js";
import { logText, MAX_QUOTED_LENGTH } from "./log-text.js";

/** Longest issue message quoted in the error's own message. */
const MAX_MESSAGE_QUOTE = 1_000;

/** The error's message: one log-safe line naming the first issue and where it is. */
function messageOf(first: ValidationIssue | undefined): string {
  if (first === undefined) return "invalid error envelope: unknown problem";
  // Issues built by hand (or by another version) may carry anything: both parts go through
  // the log-line rule, which leaves this package's own (already safe) texts as they are.
  const message = typeof first.message === "string" ? logText(first.message, MAX_MESSAGE_QUOTE) : "unknown problem";
  const at =
    typeof first.path === "string" && first.path !== "" ? ` (at ${logText(first.path, MAX_QUOTED_LENGTH)})` : "";
  return `invalid error envelope: ${message}${at}`;
}

/** Thrown by `assertErrorEnvelope`: the value is not a strict error envelope. */
export class ErrorEnvelopeValidationError extends TypeError {
  override readonly name = "ErrorEnvelopeValidationError" as const;
  /** Everything found wrong; the message names the first. */
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[]) {
    super(messageOf(issues[0]));
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
