/**
 * The headers a framework error carries for its response, as the framework's own handler
 * would send them: http-errors' `err.headers` (Express's finalhandler, Fastify's default
 * handler), Hono's `HTTPException.res` (basicAuth/bearerAuth put `WWW-Authenticate` there).
 * Kept within the contract: never the package's own, never a representation's, and
 * `Retry-After` only as the error's `retryAfter`, for statuses that may carry it.
 */
import { mayCarryRetryAfter } from "@org/error-types";
import { retryAfterSeconds } from "./contract-error.js";
import { RETRY_AFTER_HEADER } from "./header-names.js";
import { safeHeaders } from "./headers.js";

/** What a ContractError made for a framework error takes of its headers. */
export interface FrameworkHeaders {
  headers: Record<string, string> | undefined;
  retryAfter: number | undefined;
}

const NONE: FrameworkHeaders = { headers: undefined, retryAfter: undefined };

// Why a cap: the headers come from whatever was thrown; a response needs few.
const MAX_HEADERS = 32;

/** The headers of a Fetch `Response` (Hono's `HTTPException.res`) as a record, if it is one. */
function responseHeaders(res: unknown): Record<string, string> | undefined {
  const headers = typeof res === "object" && res !== null ? (res as { headers?: unknown }).headers : undefined;
  if (typeof headers !== "object" || headers === null) return undefined;
  const forEach = (headers as { forEach?: unknown }).forEach;
  if (typeof forEach !== "function") return undefined;
  const out: Record<string, string> = {};
  let count = 0;
  (forEach as (fn: (value: string, name: string) => void) => void).call(headers, (value, name) => {
    if (count++ < MAX_HEADERS) out[name] = value;
  });
  return out;
}

/** Seconds of a Retry-After value: delta-seconds, or an HTTP-date from now; undefined if neither. */
function retryAfterOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (/^\d{1,10}$/.test(value.trim())) return retryAfterSeconds(Number(value.trim()));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : retryAfterSeconds(Math.max(0, (date - Date.now()) / 1000));
}

/**
 * The headers `error` carries (`headers`, else `res.headers`) kept for a response of
 * `status`. Never throws: the fields of a thrown value may be getters or Proxies.
 */
export function frameworkHeaders(error: object, status: number): FrameworkHeaders {
  try {
    const own = (error as { headers?: unknown }).headers;
    const raw = typeof own === "object" && own !== null ? own : responseHeaders((error as { res?: unknown }).res);
    if (raw === undefined) return NONE;
    const retry = Object.entries(raw).find(([name]) => name.toLowerCase() === RETRY_AFTER_HEADER)?.[1];
    const headers = safeHeaders(raw);
    return {
      headers: Object.keys(headers).length > 0 ? headers : undefined,
      retryAfter: mayCarryRetryAfter(status) ? retryAfterOf(typeof retry === "string" ? retry : undefined) : undefined,
    };
  } catch {
    return NONE;
  }
}
