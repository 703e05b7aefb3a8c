import type { FetchInput } from "./fetch-types.js";
const SCHEMES = new Set(["http:", "https:", "data:", "blob:"]);

/**
 * Throws a TypeError, before anything is sent, for a request no fetch can make: an invalid
 * URL, a scheme fetch does not speak, a header name or value `Headers` refuses (CR/LF, NUL),
 * GET or HEAD with a body. Why check here: browsers reject some of these as "Failed to
 * fetch", indistinguishable from a network failure, which would then be retried.
 */
export function checkRequest(input: FetchInput, init: RequestInit | undefined): void {
  const isRequest = typeof Request !== "undefined" && input instanceof Request;
  const raw = isRequest ? input.url : input instanceof URL ? input.href : String(input);
  const base = (globalThis as { location?: { href?: string } }).location?.href;
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch (e) {
    throw new TypeError(`@org/error-client: invalid URL ${JSON.stringify(raw.slice(0, 200))}`, { cause: e });
  }
  if (!SCHEMES.has(url.protocol)) throw new TypeError(`@org/error-client: fetch cannot request a ${url.protocol} URL`);
  // `new Headers` throws the TypeError of the runtime itself for a bad name or value.
  if (init?.headers !== undefined) new Headers(init.headers);
  const method = (init?.method ?? (isRequest ? input.method : "GET")).toUpperCase();
  if ((method === "GET" || method === "HEAD") && init?.body !== undefined && init.body !== null) {
    throw new TypeError(`@org/error-client: a ${method} request cannot have a body`);
  }
}
