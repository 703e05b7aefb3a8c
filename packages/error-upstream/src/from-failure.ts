import { answer } from "./answer.js";
import { classifyFailure, UPSTREAM_PHASES, type UpstreamPhase } from "./classify-failure.js";
import { matchRule } from "./match.js";
import { headerReader, observeFailure } from "./observe.js";
import { resolveOptions, type UpstreamOptions } from "./options.js";
import type { UpstreamOutcome } from "./types.js";

/** Options of `fromUpstreamFailure`. */
export interface FromUpstreamFailureOptions extends UpstreamOptions {
  /** Where the call failed: `"request"` (no response headers: DNS, connect, TLS, timeout, reset) or `"body"` (the body broke or stalled). */
  phase: UpstreamPhase;
  /**
   * The response whose body failed (phase `"body"`): its status and the provider's request id go into the attribution.
   * @default undefined
   */
  response?: Response | undefined;
}

/**
 * Maps a call that got no (whole) answer to the contract: the kind of failure (dns, connect,
 * tls, timeout, reset before or after the headers, body timeout) comes from the thrown error's
 * codes and `phase`, and the provider's failure rules (then the generic ones) give the code
 * and disposition. Wrong options are a TypeError; nothing about `error` is.
 */
export function fromUpstreamFailure(error: unknown, options: FromUpstreamFailureOptions): UpstreamOutcome {
  const resolved = resolveOptions(options, "fromUpstreamFailure", ["phase", "response"]);
  if (!UPSTREAM_PHASES.includes(options.phase))
    throw new TypeError(`fromUpstreamFailure: option phase must be "request" or "body", got ${String(options.phase)}`);
  const response = options.response;
  const status = typeof response?.status === "number" && response.status >= 100 ? response.status : undefined;
  const seen = observeFailure(classifyFailure(error, options.phase), headerReader(response?.headers), status);
  return answer(matchRule(resolved.mapping, resolved.fallback, seen), seen, resolved, error);
}
