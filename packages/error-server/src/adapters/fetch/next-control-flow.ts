/**
 * Next.js control flow: `notFound()`, `redirect()`, `permanentRedirect()`, `forbidden()`,
 * `unauthorized()` and the rendering bailouts work by throwing, and Next must see the
 * throw to answer (a 404 page, a 307/308 with `location`, a dynamic render). A wrapper that
 * turned them into a 500 envelope would break them. Recognised the way Next documents it
 * (`unstable_rethrow`: the error's `digest`), without importing Next.
 */

// `digest` values of Next 13-15 (`NEXT_REDIRECT;replace;/to;307;`, `NEXT_HTTP_ERROR_FALLBACK;404`):
// exact ones and the prefixes of the parameterised ones.
const EXACT_DIGESTS: ReadonlySet<string> = new Set([
  "NEXT_NOT_FOUND", // notFound() before Next 15
  "DYNAMIC_SERVER_USAGE", // headers()/cookies() during static generation
  "BAILOUT_TO_CLIENT_SIDE_RENDERING", // useSearchParams() and next/dynamic with ssr: false
  "NEXT_PRERENDER_INTERRUPTED", // dynamicIO prerender aborted
  "HANGING_PROMISE_REJECTION", // a request API's promise rejected after the prerender
]);
const PREFIX_DIGESTS = ["NEXT_REDIRECT;", "NEXT_HTTP_ERROR_FALLBACK;"];

// React's postpone (partial prerendering) is thrown as an object with this `$$typeof`.
const REACT_POSTPONE = Symbol.for("react.postpone");
// Next's static-generation bailout carries a `code`, not a digest.
const STATIC_GEN_BAILOUT = "NEXT_STATIC_GEN_BAILOUT";
// The message of a dynamic postpone (Next checks its text the same way).
const POSTPONE_REASON = "needs to bail out of prerendering at this point because it used";

// Why a bound: `cause` chains are followed like `unstable_rethrow` does, but a cyclic or
// endless chain (a getter making new errors) must not hang the request.
const MAX_CAUSE_DEPTH = 8;

/** Reads a member without letting a getter or a Proxy throw. */
function read(value: object, key: string | symbol): unknown {
  try {
    return (value as Record<string | symbol, unknown>)[key];
  } catch {
    return undefined;
  }
}

/** True for the thrown value itself being one of Next's control-flow signals. */
function isSignal(value: object): boolean {
  const digest = read(value, "digest");
  if (typeof digest === "string") {
    if (EXACT_DIGESTS.has(digest) || PREFIX_DIGESTS.some((prefix) => digest.startsWith(prefix))) return true;
  }
  if (read(value, "$$typeof") === REACT_POSTPONE) return true;
  if (read(value, "code") === STATIC_GEN_BAILOUT) return true;
  const message = read(value, "message");
  return typeof message === "string" && message.includes(POSTPONE_REASON);
}

/**
 * True when `error` (or an error in its `cause` chain, as `unstable_rethrow` checks) is one
 * of Next.js's control-flow throws, which must reach Next unchanged. Never throws.
 */
export function isNextControlFlowError(error: unknown): boolean {
  try {
    let current = error;
    for (let depth = 0; depth < MAX_CAUSE_DEPTH; depth++) {
      if (typeof current !== "object" || current === null) return false;
      if (isSignal(current)) return true;
      if (!(current instanceof Error)) return false;
      current = read(current, "cause");
    }
    return false;
  } catch {
    // `instanceof` on a revoked Proxy throws: such a value is no signal of Next's.
    return false;
  }
}

/** Rethrows `error` when it is Next.js control flow (see `isNextControlFlowError`); returns otherwise. */
export function rethrowNextControlFlow(error: unknown): void {
  if (isNextControlFlowError(error)) throw error;
}
