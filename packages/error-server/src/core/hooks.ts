/**
 * The one way user callbacks are called (`onError`, `redact`, `getRequestId`,
 * `generateRequestId`): a hook can never crash, hang or change the response. A sync throw
 * and an async rejection are caught alike and reported once per hook to `console.error`,
 * with the failure's message masked and capped; the caller gets `undefined` (for a hook
 * whose result matters) and falls back to its safe default.
 */
import { logText } from "./log-text.js";
import { redactSecrets } from "./redact.js";

/** The user callbacks the package calls, by option name. */
export type HookName = "onError" | "redact" | "getRequestId" | "generateRequestId" | "dialect";

// Why once per hook: a log sink that is down fails on every error; one line says so, a
// thousand lines would bury the errors themselves. Process-wide, like console.error.
const reported = new Set<HookName>();

// Longest part of a hook failure's message logged.
const MAX_LOGGED = 300;

/** A hook failure's message for a log line: one line, masked, capped. Never throws. */
function describeFailure(failure: unknown): string {
  try {
    const text = failure instanceof Error ? `${failure.name}: ${failure.message}` : String(failure);
    return logText(redactSecrets(text.slice(0, MAX_LOGGED * 4)), MAX_LOGGED);
  } catch {
    return "an unreadable value";
  }
}

/** Reports that hook `name` threw or rejected: once per hook, to `console.error`. Never throws. */
export function hookFailed(name: HookName, failure: unknown): void {
  if (reported.has(name)) return;
  reported.add(name);
  try {
    console.error(
      `@org/error-server: the ${name} hook failed (${describeFailure(failure)}); the response was answered without it. Later failures of this hook are not logged.`,
    );
  } catch {
    // console.error itself may be broken: nothing more can be done without changing the response.
  }
}

/** The `then` of a thenable, read without trusting a getter; undefined for anything else. */
function thenOf(value: unknown): ((onFulfilled: undefined, onRejected: (e: unknown) => void) => unknown) | undefined {
  if ((typeof value !== "object" && typeof value !== "function") || value === null) return undefined;
  try {
    const then = (value as { then?: unknown }).then;
    return typeof then === "function" ? (then as never) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Calls hook `fn` with up to two arguments. Returns its result, or `undefined` when it threw.
 * A thenable result (an async hook) is never awaited: its rejection is caught and reported,
 * and the caller gets `undefined`, as the response cannot wait on a hook.
 */
export function callHook<R>(name: HookName, fn: (a: never, b: never) => R, a?: unknown, b?: unknown): R | undefined {
  let result: R;
  try {
    result = (fn as (a: unknown, b: unknown) => R)(a, b);
  } catch (failure) {
    hookFailed(name, failure);
    return undefined;
  }
  const then = thenOf(result);
  if (then === undefined) return result;
  try {
    then.call(result, undefined, (failure: unknown) => hookFailed(name, failure));
  } catch (failure) {
    hookFailed(name, failure);
  }
  return undefined;
}

/** Forgets which hooks were reported (tests only: each test sees its first failure logged). */
export function resetHookReports(): void {
  reported.clear();
}
