import type { HttpErrorStatus } from "./generated/http.js";
import type { ErrorType } from "./generated/types.js";

/** What the contract says about one business code. */
export interface ErrorCatalogEntry {
  /** Canonical HTTP status of responses carrying this code. */
  readonly status: HttpErrorStatus;
  /** Every status the code may be sent with, canonical first. */
  readonly statuses: readonly HttpErrorStatus[];
  /** The `error.type` category that goes with this code. */
  readonly type: ErrorType;
  /** The reference's "Meaning" column, verbatim. */
  readonly meaning: string;
  /** The reference's "What to do" column, verbatim. */
  readonly action: string;
  /** Whether a client may retry automatically, without a person acting first. */
  readonly retryable: boolean;
  /** The code's entry in the hosted reference: `ERROR_REFERENCE_URL + "#" + code`. */
  readonly docUrl: string;
}

/** What the contract says about one HTTP status it uses. */
export interface HttpStatusEntry {
  /** The HTTP reason phrase ("Not Found"). */
  readonly reason: string;
  /** The `error.type` of a response with this status and no business code. */
  readonly type: ErrorType;
  /** Whether a response with this status may carry `Retry-After`. */
  readonly retryAfter: boolean;
  /** Whether a response with this status may have `code: null`. */
  readonly codeless: boolean;
  /** The reference's "Meaning" column. */
  readonly meaning: string;
  /** The reference's "Common cause" column. */
  readonly cause: string;
}
