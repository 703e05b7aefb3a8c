import type { UpstreamFailureKind } from "./generated/mappings.js";

/** Where a transport failure happened: before the response headers arrived, or while reading the body. */
export type UpstreamPhase = "request" | "body";

/** The values `phase` accepts. */
export const UPSTREAM_PHASES: readonly UpstreamPhase[] = Object.freeze(["request", "body"]);

// Node's, undici's and the TLS layer's error codes, by what they mean for the gateway.
const DNS = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_NONAME", "EAI_FAIL"]);
const CONNECT = new Set(["ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "EADDRNOTAVAIL", "ENETDOWN", "EHOSTDOWN"]);
const TIMEOUT = new Set(["ETIMEDOUT", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "ESOCKETTIMEDOUT"]);
const BODY_TIMEOUT = new Set(["UND_ERR_BODY_TIMEOUT"]);
const TLS = /^(?:ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|EPROTO$)/;

/** A property read that cannot throw (a hostile getter or Proxy gives undefined). */
function read(value: unknown, name: string): unknown {
  try {
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[name] : undefined;
  } catch {
    return undefined;
  }
}

/** The codes and names along the error's `cause` chain (fetch wraps the socket's error in a TypeError), at most 8 deep. */
function marks(error: unknown): string[] {
  const out: string[] = [];
  let current = error;
  for (let depth = 0; depth < 8 && typeof current === "object" && current !== null; depth++) {
    for (const key of ["code", "name"]) {
      const mark = read(current, key);
      if (typeof mark === "string") out.push(mark);
    }
    current = read(current, "cause");
  }
  return out;
}

/**
 * The kind of a transport failure, from the error a fetch threw and where it happened: DNS,
 * connect, TLS and timeouts by their codes (also inside `cause`); anything else is the
 * connection closing before the headers (`request`) or while the body was read (`body`).
 */
export function classifyFailure(error: unknown, phase: UpstreamPhase): UpstreamFailureKind {
  const seen = marks(error);
  const timedOut = seen.some((m) => TIMEOUT.has(m) || m === "TimeoutError");
  if (phase === "body")
    return timedOut || seen.some((m) => BODY_TIMEOUT.has(m)) ? "body_timeout" : "reset_after_headers";
  if (seen.some((m) => DNS.has(m))) return "dns";
  if (seen.some((m) => TLS.test(m))) return "tls";
  if (seen.some((m) => CONNECT.has(m))) return "connect";
  if (timedOut || seen.some((m) => BODY_TIMEOUT.has(m))) return "timeout";
  return "reset_before_headers";
}
