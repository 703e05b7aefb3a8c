/**
 * True when `value` has the shape of a Fetch `Response`: a numeric `status`, `headers` with
 * `get`, a `bodyUsed` flag and a `body` (null or a stream). Why not `instanceof Response`
 * alone: a Response from another realm (an iframe, a worker) or a polyfill is a real
 * Response too, and `@hono/node-server` replaces `globalThis.Response` with its own class.
 */
export function isResponseLike(value: unknown): value is Response {
  // A real Response (of any realm) has this shape too: one check serves every kind.
  const r = value as {
    status?: unknown;
    headers?: { get?: unknown } | null;
    bodyUsed?: unknown;
    body?: { getReader?: unknown } | null;
  } | null;
  return (
    typeof r === "object" &&
    r !== null &&
    typeof r.status === "number" &&
    typeof r.headers?.get === "function" &&
    typeof r.bodyUsed === "boolean" &&
    (r.body === null || typeof r.body?.getReader === "function")
  );
}

/** Throws the TypeError a programming mistake deserves when `value` is not a Response. */
export function assertResponse(value: unknown, fn: string): asserts value is Response {
  if (!isResponseLike(value)) {
    const got = value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
    throw new TypeError(`@org/error-client: ${fn} needs a Response, got ${got}`);
  }
}
