/**
 * Which headers an error response keeps, whatever set them: the app before it failed
 * (`setHeader`, `writeHead`, `reply.header`, `c.header`, `res.vary`), the error's own
 * `headers`, or a framework error's. One rule for every adapter.
 */

// Headers that describe the representation a failed handler meant to send (RFC 9110
// section 8 and the framing of RFC 9112): its type, length, coding, range, language,
// location, validators, digests and trailers. None of them is true of the error body, and
// some (transfer-encoding with content-length, content-encoding: gzip over plain JSON)
// make the response unreadable, so they are dropped from every source.
const REPRESENTATION = new Set([
  "transfer-encoding",
  "trailer",
  "te",
  "accept-ranges",
  "etag",
  "last-modified",
  "expires",
  "digest",
  "repr-digest",
  "content-digest",
  "want-digest",
  "want-repr-digest",
  "want-content-digest",
  "keep-alive",
  "connection",
  "upgrade",
]);

// Headers of the failed success response that must not outlive it: caching (an error
// cached for a day by a CDN), redirection and server-internal directives. An error's own
// headers may still set them (a deliberate `cache-control: no-store`).
const FAILED_RESPONSE = new Set([
  "cache-control",
  "cdn-cache-control",
  "surrogate-control",
  "surrogate-key",
  "cache-tag",
  "age",
  "pragma",
  "location",
  "refresh",
  "x-accel-redirect",
  "x-accel-expires",
  "x-sendfile",
]);

/**
 * True for a header of a failed representation (every `content-*` except the security
 * policies, framing, validators, digests, trailers, hop-by-hop). Dropped from every header
 * source. Internal.
 */
export function isRepresentationHeader(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower.startsWith("content-")) return !lower.startsWith("content-security-policy");
  return REPRESENTATION.has(lower);
}

/**
 * True for a header the app set before failing that the error response drops: the
 * representation's, the caching and redirection of the failed response (including CDN
 * forms: `cdn-cache-control`, `*-cdn-cache-control`), except the app's `Connection: close`
 * (it wants the connection ended after this response, error or not). Internal.
 */
export function isDroppedHeader(name: string, value: unknown): boolean {
  const lower = name.toLowerCase();
  if (FAILED_RESPONSE.has(lower) || lower.endsWith("-cdn-cache-control")) return true;
  if (!isRepresentationHeader(lower)) return false;
  return !(lower === "connection" && typeof value === "string" && /^\s*close\s*$/i.test(value));
}

/**
 * `vary` with the names of `add` merged in, each once (case-insensitive), `*` absorbing the
 * rest. Why merge: the app's `Vary: Origin` (CORS) still holds for the error response, and
 * the error adds `Accept` (its body depends on it).
 */
export function mergeVary(existing: unknown, add: string): string {
  const text = Array.isArray(existing) ? existing.join(", ") : typeof existing === "string" ? existing : "";
  if (text.trim() === "") return add;
  const names = text.split(",").map((name) => name.trim().toLowerCase());
  if (names.includes("*")) return "*";
  let out = text;
  for (const name of add.split(",")) {
    const trimmed = name.trim();
    if (trimmed !== "" && !names.includes(trimmed.toLowerCase())) out = `${out}, ${trimmed}`;
  }
  return out;
}
