import type { ContractError } from "@org/error-server";
import type { UpstreamDisposition } from "./generated/mappings.js";

/** What every function of this package gives: the error to answer with, and what the gateway does about the channel. */
export interface UpstreamOutcome {
  /** The contract error to answer the caller with (status, code, `upstream` attribution, `retryable`, `retryAfter`). */
  error: ContractError;
  /** What the gateway itself does about the channel that failed (disable the key, cool down, ...). */
  disposition: UpstreamDisposition;
  /** The id of the mapping rule that matched (`"openai.rate-limit"`), or null when none did (the last resort: `bad_response`, `unknown`). */
  rule: string | null;
  /** The provider's retry hint in ms (unclamped, for the channel's cool-down), or null when it gave none. */
  retryAfterMs: number | null;
}

/** What was seen of an upstream failure: what the rules match on. */
export interface Observed {
  /** Where: an error response (`body`), an error event in a stream (`stream`), an error inside a 2xx (`success`). */
  in: "body" | "stream" | "success";
  /** The provider's HTTP status, when it answered. */
  status: number | undefined;
  /** Reads a response header (lower-case name); null when absent. */
  header: (name: string) => string | null;
  /** A transport failure, when there was no (whole) answer. */
  failure: string | undefined;
  /** The error body's `type`, `code`, google.rpc `status` and message, as the provider sent them. */
  type: string | undefined;
  code: string | number | undefined;
  errorStatus: string | undefined;
  message: string;
  /** What the upstream said about retrying (`x-should-retry`, or a contract SSE event's `retryable`). */
  shouldRetry: boolean | null;
  /** The catalog code the upstream named (body or `x-error-code`), when it speaks this contract. */
  contractCode: string | undefined;
}
