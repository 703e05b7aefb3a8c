/**
 * What the Hono handlers read of a Hono `Context`, matched by shape (Hono is not imported):
 * the request id its `requestId()` middleware set, the headers built so far, a cached body.
 */
import { isDroppedHeader, mergeVary } from "../../core/header-rules.js";

/** The part of a Hono `Context` the handlers use (so this module needs no Hono import). */
export interface HonoContextLike {
  req: { raw: Request; bodyCache?: { text?: unknown } };
  /** The response built so far: Hono merges its headers (set with `c.header`) into ours. */
  res?: Response | undefined;
  /** Hono's context variables: `requestId` when its `requestId()` middleware ran. */
  var?: unknown;
}

/** The id Hono's `requestId()` middleware gave the request (and put in its response header), if any. */
export function honoRequestId(c: HonoContextLike): unknown {
  try {
    const vars = c.var;
    return typeof vars === "object" && vars !== null ? (vars as { requestId?: unknown }).requestId : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The headers Hono has built so far (`c.header`, CORS middleware) minus the failed
 * representation's. They are dropped from the context, because Hono copies them onto the
 * Response an error handler returns (when middleware ran), and returned to be added back.
 * `own`, the request-id header the error response sets itself, is dropped too.
 */
export function keptHeaders(c: HonoContextLike, own?: string): Headers | undefined {
  try {
    const built = c.res;
    if (!built) return undefined;
    const kept = new Headers();
    for (const [name, value] of built.headers)
      if (!isDroppedHeader(name, value) && name !== own?.toLowerCase()) kept.append(name, value);
    // Left in the context without `vary`: Hono would copy it over ours (set, not merged);
    // `withKept` merges it instead.
    const merged = new Headers(kept);
    merged.delete("vary");
    // Two steps: assigning `c.res` while one is set would merge the old headers back in.
    c.res = undefined;
    c.res = new Response(null, { headers: merged });
    return kept;
  } catch {
    // Not a Hono context as we know it: nothing was merged from it either.
    return undefined;
  }
}

/** `response` with the kept headers it does not set itself. */
export function withKept(response: Response, kept: Headers | undefined): Response {
  if (kept)
    for (const [name, value] of kept) {
      // The app's Vary (CORS's Origin) still holds: merged with the error's `accept`.
      if (name === "vary") response.headers.set(name, mergeVary(value, response.headers.get(name) ?? ""));
      else if (!response.headers.has(name) || name === "set-cookie") response.headers.append(name, value);
    }
  return response;
}

/** `instanceof SyntaxError`, guarded: on a revoked Proxy `instanceof` throws. */
export function isSyntaxError(value: unknown): value is SyntaxError {
  try {
    return value instanceof SyntaxError;
  } catch {
    return false;
  }
}

/**
 * `c.req.json()` rejected: a SyntaxError from parsing the body Hono cached. Told apart from
 * a handler's own `JSON.parse` failure by parsing that same text again and comparing messages.
 */
export async function isBadJsonBody(error: SyntaxError, c: HonoContextLike): Promise<boolean> {
  try {
    const text: unknown = await (c.req.bodyCache?.text as Promise<unknown>);
    if (typeof text !== "string") return false;
    JSON.parse(text);
    return false;
  } catch (parseError) {
    return parseError instanceof SyntaxError && parseError.message === error.message;
  }
}
