import { ADAPTER_OPTION_NAMES, checkOptions } from "./check-options.js";
import { sanitizeRequestId } from "./headers.js";
import { REQUEST_ID_HEADER } from "./header-names.js";
import { dialectOf } from "./dialect-option.js";
import { callHook } from "./hooks.js";
import { type HeaderReader, resolveRequestId } from "./request-id.js";
import type { AdapterOptions, ServerOptions } from "./options.js";

/** The request-id header every adapter reads and echoes unless told otherwise. */
export const DEFAULT_REQUEST_ID_HEADER = REQUEST_ID_HEADER;

export type { HeaderReader } from "./request-id.js";

/**
 * What an adapter keeps per request: the options, with the request id resolved. `known` is
 * an id the framework already gave the request (Hono's `requestId()`), used before the headers.
 */
export type Resolve<Req> = (request: Req, readHeader: HeaderReader, known?: unknown) => ServerOptions<Req>;

/**
 * The one place adapters turn their options into per-request `ServerOptions`: checks the
 * options once (a wrong header name or generator is a programming error: TypeError at
 * setup), then per request finds the id (`getRequestId`, else the headers in order, else a
 * generated one), names the header that echoes it and picks the dialect.
 */
export function adapterOptions<Req>(
  options: AdapterOptions<Req> | undefined,
  where: string,
  names: readonly string[] = ADAPTER_OPTION_NAMES,
): Resolve<Req> {
  checkOptions(options, where, names, true);
  const { getRequestId, requestIdHeader, generateRequestId, dialect, ...rest } = options ?? {};
  const headerNames: readonly string[] =
    typeof requestIdHeader === "string" ? [requestIdHeader] : (requestIdHeader ?? [DEFAULT_REQUEST_ID_HEADER]);
  const lower = headerNames.map((name) => name.toLowerCase());
  const generate = generatorOf(generateRequestId, where);
  const echo = lower[0] as string;
  return (request, readHeader, known) => {
    let id = getRequestId
      ? sanitizeRequestId(callHook("getRequestId", getRequestId, request))
      : resolveRequestId(lower, readHeader, known);
    if (id === undefined && generate) id = sanitizeRequestId(callHook("generateRequestId", generate));
    return { ...rest, requestId: id, requestIdHeader: echo, dialect: dialectOf(dialect, request) };
  };
}

/** The id generator the option asks for, checked: `crypto.randomUUID` must exist when `true`. */
function generatorOf(option: AdapterOptions["generateRequestId"], where: string): (() => string) | undefined {
  if (option === undefined || option === false) return undefined;
  if (typeof option === "function") return option;
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (typeof crypto?.randomUUID !== "function")
    throw new TypeError(
      `${where}: generateRequestId: true needs globalThis.crypto.randomUUID; pass a function instead`,
    );
  return () => crypto.randomUUID!();
}
