import { parseErrorResponse } from "@org/error-client";
import { answer } from "./answer.js";
import { matchRule } from "./match.js";
import { parsedOutcome } from "./from-body.js";
import { headerReader, observeFailure } from "./observe.js";
import { resolveOptions, type UpstreamOptions } from "./options.js";
import type { UpstreamOutcome } from "./types.js";

/** Options of `fromUpstreamResponse`: the provider, and how much of the body is read. */
export interface FromUpstreamResponseOptions extends UpstreamOptions {
  /**
   * Most bytes of the body read; the rest is cancelled, never buffered.
   * @default 65_536
   */
  maxBodyBytes?: number | undefined;
  /**
   * Longest time spent reading the body, in ms; past it the read is cancelled and the failure is `body_timeout`.
   * @default 10_000
   */
  timeoutMs?: number | undefined;
}

const READ_OPTIONS: readonly string[] = ["maxBodyBytes", "timeoutMs"];

// How error-client's reader says that the body, not the provider's error, is what failed.
const BODY_TIMED_OUT = /^the error body did not end within /;
const BODY_BROKE = /^the error body could not be read after /;

/** The transport failure error-client's reader reported instead of a body, if any (a read cut by a timeout signal is a stall). */
function bodyFailure(detail: string): "body_timeout" | "reset_after_headers" | undefined {
  if (BODY_TIMED_OUT.test(detail)) return "body_timeout";
  if (!BODY_BROKE.test(detail)) return undefined;
  return /\bTimeoutError\b|\btimed? ?out\b/i.test(detail) ? "body_timeout" : "reset_after_headers";
}

const isReadLimit = (value: unknown): boolean => value === undefined || (typeof value === "number" && value >= 0);

/**
 * Maps a provider's answer (an error status, or an error inside a 2xx) to the contract: reads
 * the body with error-client's reader (bounded in bytes and time), matches the provider's
 * rules then the generic ones, and gives the ContractError to answer with, the disposition
 * and the rule id. Options are checked first: a wrong one throws a TypeError at once (not a
 * rejection). Never rejects for anything the provider sends.
 */
export function fromUpstreamResponse(
  response: Response,
  options: FromUpstreamResponseOptions,
): Promise<UpstreamOutcome> {
  const resolved = resolveOptions(options, "fromUpstreamResponse", READ_OPTIONS);
  const { maxBodyBytes, timeoutMs } = options;
  if (!isReadLimit(maxBodyBytes) || !isReadLimit(timeoutMs))
    throw new TypeError("fromUpstreamResponse: maxBodyBytes and timeoutMs must be numbers >= 0");
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- a runtime check for plain-JS callers
  if (typeof response !== "object" || response === null || typeof (response as Response).headers !== "object")
    throw new TypeError("fromUpstreamResponse: expected a fetch Response");
  const read = { ...(maxBodyBytes !== undefined && { maxBodyBytes }), ...(timeoutMs !== undefined && { timeoutMs }) };
  return parseErrorResponse(response, read).then((parsed) => {
    const header = headerReader(response.headers);
    const status = parsed.status ?? undefined;
    const failed = bodyFailure(parsed.detail);
    if (failed === undefined) return parsedOutcome(parsed, header, resolved);
    const seen = observeFailure(failed, header, status);
    return answer(matchRule(resolved.mapping, resolved.fallback, seen), seen, resolved, parsed);
  });
}
