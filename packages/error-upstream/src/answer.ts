import { type ContractError, createError, type UpstreamInfo } from "@org/error-server";
import {
  codeToHttpStatus,
  HTTP_STATUSES,
  isErrorCode,
  isRetryableErrorCode,
  isRetryableHttpStatus,
  isStatusAllowedForCode,
  mayCarryRetryAfter,
} from "@org/error-types";
import type { UpstreamDisposition, UpstreamRule } from "./generated/mappings.js";
import type { Resolved } from "./options.js";
import { retryHintMs } from "./retry-hint.js";
import type { Observed, UpstreamOutcome } from "./types.js";

/** What no rule matched (a mapping without a fallback) is answered with. */
const LAST_RESORT = { code: "bad_response", disposition: "unknown" } as const;

const isCodeless = (status: number | undefined): status is number =>
  status !== undefined &&
  (HTTP_STATUSES as Record<number, { codeless: boolean } | undefined>)[status]?.codeless === true;

/** The code and status to answer with: the rule's, or (a chained upstream) its own when this contract allows them. */
function codeAndStatus(rule: UpstreamRule | null, o: Observed): { code: string | null; status: number | undefined } {
  if (rule === null) return { code: LAST_RESORT.code, status: undefined };
  if (rule.keepUpstream) {
    const kept = o.contractCode;
    if (kept !== undefined)
      return {
        code: kept,
        status: o.status !== undefined && isStatusAllowedForCode(kept, o.status) ? o.status : undefined,
      };
    if (o.code === undefined && isCodeless(o.status)) return { code: null, status: o.status };
  }
  return { code: rule.code, status: rule.status };
}

/** The first of the mapping's request-id headers the provider sent. */
function requestIdOf(r: Resolved, o: Observed): string | undefined {
  for (const name of r.mapping.requestIdHeaders) {
    const value = o.header(name);
    if (value) return value;
  }
  return undefined;
}

/**
 * The provider's error name from a header its rules match on (Bedrock's `x-amzn-ErrorType`,
 * the part before a first `:`), for a body that names none.
 */
function headerType(r: Resolved, o: Observed): string | undefined {
  for (const rule of r.mapping.rules) {
    const name = rule.match.header?.name;
    const value = name === undefined ? null : o.header(name);
    if (value) return value.split(":", 1)[0]?.trim() || undefined;
  }
  return undefined;
}

/** The attribution: who failed, and what it said (the server decides how much is shown). */
function upstreamOf(r: Resolved, o: Observed): UpstreamInfo {
  const info: UpstreamInfo = { provider: r.provider };
  if (o.status !== undefined) info.status = o.status;
  // A numeric code (Google's, OpenRouter's) repeats the status: only a provider's own string code is kept.
  if (typeof o.code === "string") info.code = o.code;
  const type = o.type ?? o.errorStatus ?? headerType(r, o);
  if (type !== undefined) info.type = type;
  const id = requestIdOf(r, o);
  if (id !== undefined) info.request_id = id;
  if (o.message !== "") info.message = o.message;
  return info;
}

/**
 * Whether the caller may retry, when this package decides rather than the catalog: a chained
 * upstream's own word is kept; an upstream's "don't retry" is never turned into "retry"; a
 * gateway that already tried its channels says "don't retry" unless a later retry can help.
 */
function retryableOf(rule: UpstreamRule | null, o: Observed, r: Resolved, disposition: string): boolean | undefined {
  let retryable: boolean | undefined = rule?.keepUpstream && o.shouldRetry !== null ? o.shouldRetry : undefined;
  if (o.shouldRetry === false) retryable = false;
  if (r.retried && !r.retryLaterFor.includes(disposition)) retryable = false;
  return retryable;
}

/** The contract error for `code`/`status` with its options; a TypeError for a pair the contract refuses. */
function makeError(code: string | null, status: number | undefined, options: Record<string, unknown>): ContractError {
  if (code === null) return createError(status as never, options);
  if (!isErrorCode(code)) throw new TypeError(`unknown contract code ${JSON.stringify(code)}`);
  return createError(code, status === undefined ? options : { ...options, status: status as never });
}

/** The outcome of a matched rule (or none) for what was seen. Never throws: a broken mapping gives the last resort. */
export function answer(rule: UpstreamRule | null, o: Observed, r: Resolved, cause: unknown): UpstreamOutcome {
  const disposition: UpstreamDisposition = rule?.disposition ?? LAST_RESORT.disposition;
  const { code, status } = codeAndStatus(rule, o);
  const retryable = retryableOf(rule, o, r, disposition);
  const retryAfterMs = retryHintMs(r.mapping.retryAfterHeaders, o.header);
  const options: Record<string, unknown> = { upstream: upstreamOf(r, o), cause };
  if (retryable !== undefined) options["retryable"] = retryable;
  const answered = status ?? (code === null ? undefined : codeToHttpStatus(code));
  const mayRetry =
    retryable ??
    (code !== null ? isRetryableErrorCode(code) : answered !== undefined && isRetryableHttpStatus(answered));
  // Retry-After only where the contract lets the status carry it, and only when a retry is allowed.
  if (retryAfterMs !== null && mayRetry && answered !== undefined && mayCarryRetryAfter(answered))
    options["retryAfter"] = retryAfterMs / 1000;
  try {
    return { error: makeError(code, status, options), disposition, rule: rule?.id ?? null, retryAfterMs };
  } catch {
    // Reviewed data should never get here; a hand-made mapping with a pair the contract refuses might.
    const error = createError(LAST_RESORT.code, {
      upstream: upstreamOf(r, o),
      cause,
      ...(retryable === false && { retryable }),
    });
    return { error, disposition: LAST_RESORT.disposition, rule: null, retryAfterMs };
  }
}
