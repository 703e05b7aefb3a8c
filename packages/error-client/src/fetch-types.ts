// Structural types for what the package takes, so its declarations need neither lib "dom"
// (`RequestInfo`, `HeadersInit` are dom-only) nor `skipLibCheck` (which would silently turn
// them into `any`): `Request`, `Response`, `URL` and `RequestInit` are globals in both lib
// "dom" and @types/node.

/** What fetch takes as its first argument: a URL string, a `URL`, or a `Request`. */
export type FetchInput = string | URL | Request;

/** A fetch function (the global one, a wrapper, a test double). */
export type FetchFunction = (input: FetchInput, init?: RequestInit) => Promise<Response>;

/** Headers in any form `new Headers()` takes: a `Headers`-like object, pairs, or a record. */
export type HeadersLike =
  | { get(name: string): string | null; [Symbol.iterator](): Iterator<[string, string]> }
  | readonly (readonly [string, string])[]
  | Record<string, string>;
