import { isValidHeaderName, sanitizeRequestId } from "./headers.js";
import type { AdapterOptions, ServerOptions } from "./options.js";

/** The request-id header every adapter reads and echoes unless told otherwise. */
export const DEFAULT_REQUEST_ID_HEADER = "x-request-id";

/** Reads one request header (first value if repeated), however the framework stores them. */
export type HeaderReader = (name: string) => string | null | undefined;

/** What an adapter keeps per request: the options, with the request id resolved. */
export type Resolve<Req> = (request: Req, readHeader: HeaderReader) => ServerOptions<Req>;

/**
 * The one place adapters turn their options into per-request `ServerOptions`: checks the
 * options once (a wrong header name or generator is a programming error: TypeError at
 * setup), then per request finds the id (`getRequestId`, else the headers in order, else a
 * generated one) and names the header that echoes it.
 */
export function adapterOptions<Req>(options: AdapterOptions<Req> | undefined, where: string): Resolve<Req> {
  const { getRequestId, requestIdHeader, generateRequestId, ...rest } = options ?? {};
  const names = (
    Array.isArray(requestIdHeader) ? requestIdHeader : [requestIdHeader ?? DEFAULT_REQUEST_ID_HEADER]
  ) as unknown[];
  if (names.length === 0) throw new TypeError(`${where}: requestIdHeader must name at least one header`);
  for (const name of names) {
    if (typeof name !== "string" || !isValidHeaderName(name))
      throw new TypeError(`${where}: requestIdHeader ${JSON.stringify(name)} is not a valid header name`);
  }
  const lower = (names as string[]).map((name) => name.toLowerCase());
  if (getRequestId !== undefined && typeof getRequestId !== "function")
    throw new TypeError(`${where}: getRequestId must be a function`);
  const generate = generatorOf(generateRequestId, where);
  const echo = lower[0] as string;
  return (request, readHeader) => {
    let id: string | undefined;
    try {
      id = sanitizeRequestId(getRequestId ? getRequestId(request) : firstHeader(lower, readHeader));
    } catch {
      // A throwing getRequestId or header reader means no id, not a crash.
      id = undefined;
    }
    if (id === undefined && generate) id = generated(generate);
    return { ...rest, requestId: id, requestIdHeader: echo };
  };
}

function firstHeader(names: readonly string[], readHeader: HeaderReader): string | undefined {
  for (const name of names) {
    const value = readHeader(name);
    if (typeof value === "string" && value !== "") return value;
  }
  return undefined;
}

/** The id generator the option asks for, checked: `crypto.randomUUID` must exist when `true`. */
function generatorOf(option: AdapterOptions["generateRequestId"], where: string): (() => string) | undefined {
  if (option === undefined || option === false) return undefined;
  if (typeof option === "function") return option;
  if (option !== true) throw new TypeError(`${where}: generateRequestId must be a boolean or a function`);
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (typeof crypto?.randomUUID !== "function")
    throw new TypeError(
      `${where}: generateRequestId: true needs globalThis.crypto.randomUUID; pass a function instead`,
    );
  return () => crypto.randomUUID!();
}

/** A generated id, sanitized like an incoming one; a throwing generator means no id. */
function generated(generate: () => string): string | undefined {
  try {
    return sanitizeRequestId(generate());
  } catch {
    return undefined;
  }
}
