import type { ErrorType } from "./generated/types.js";

/** What the contract says about one business code. */
export interface ErrorCatalogEntry {
  /** Canonical HTTP status of responses carrying this code. */
  readonly status: number;
  /** The `error.type` category that goes with this code. */
  readonly type: ErrorType;
  /** The reference's "Meaning" column, verbatim. */
  readonly meaning: string;
  /** The reference's "What to do" column, verbatim. */
  readonly action: string;
  /** Whether a client may retry automatically, without a person acting first. */
  readonly retryable: boolean;
}
