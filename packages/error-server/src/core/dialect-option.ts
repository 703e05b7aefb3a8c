/**
 * The `dialect` option: which surface's error shape a response takes. A dialect name on
 * every function and adapter; on adapters also a function of the request (the per-route
 * override), which is a hook: a throw, a rejection or a value that is no dialect falls back
 * to the default dialect and is reported once, never changing more than the body's shape.
 */
import { type Dialect, DIALECT_NAMES, isDialect } from "./dialect-facts.js";
import { callHook, hookFailed } from "./hooks.js";

/** The dialect of every response unless told otherwise: the schema's first (`"openai"`, the contract's own envelope). */
export const DEFAULT_DIALECT: Dialect = DIALECT_NAMES[0];

/** An adapter's `dialect`: one dialect, or a function choosing it per request (per route). */
export type DialectOption<Req = unknown> = Dialect | ((request: Req) => Dialect);

/** The accepted values, for TypeErrors. */
export const DIALECT_LIST = DIALECT_NAMES.map((name) => JSON.stringify(name)).join(", ");

/** What the option accepts, said in a TypeError (`adapter`: a function too). */
export function dialectAccepted(adapter: boolean): string {
  return adapter ? `one of ${DIALECT_LIST} or a function (request) => dialect` : `one of ${DIALECT_LIST}`;
}

/** True for a value the option accepts (`adapter`: a function too). */
export function isDialectOption(value: unknown, adapter: boolean): boolean {
  return isDialect(value) || (adapter && typeof value === "function");
}

/** How an unusable answer of the hook is described in the log: by kind, never by content. */
function kindOf(value: unknown): string {
  if (typeof value === "string") return "a string that is not a dialect";
  if (value === null) return "null";
  // An async function: its answer comes after the response is built.
  try {
    if (typeof (value as { then?: unknown } | undefined)?.then === "function") return "a promise";
  } catch {
    // A hostile getter: described by its type alone.
  }
  return `a value of type ${typeof value}`;
}

/**
 * The dialect of one request under an adapter's (checked) option. A function is a hook: a
 * throw, a promise (an async function: too late for this response; its rejection is caught)
 * or a value that is no dialect gives the default and is reported once (`console.error`).
 */
export function dialectOf<Req>(option: DialectOption<Req> | undefined, request: Req): Dialect {
  if (typeof option !== "function") return option ?? DEFAULT_DIALECT;
  let chosen: unknown;
  try {
    chosen = option(request);
  } catch (failure) {
    hookFailed("dialect", failure);
    return DEFAULT_DIALECT;
  }
  if (isDialect(chosen)) return chosen;
  // Through the hook isolation: a thenable gets its rejection handled, nothing else happens.
  callHook("dialect", () => chosen);
  hookFailed("dialect", new TypeError(`the dialect hook returned ${kindOf(chosen)}; expected one of ${DIALECT_LIST}`));
  return DEFAULT_DIALECT;
}
