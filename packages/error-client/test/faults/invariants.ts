import { getEventListeners } from "node:events";
import { expect } from "vitest";
import { type ApiError, isApiError } from "../../src/index.js";

// Written apart from the package's own rules (text.ts, the generated isDocUrl), so a bug there is not
// mirrored here: C0/C1 controls, DEL, line/paragraph separators, bidi marks and overrides.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const codePoints = (s: string): number => [...s].length;

/** True when `s` can go into a log line or a metric label as it is. */
export function isSafeText(s: string, max: number): boolean {
  return !UNSAFE.test(s) && !/\p{Cs}/u.test(s) && s === s.trim() && codePoints(s) <= max;
}

/** An absolute http(s) URL of printable ASCII, at most 2048 characters, that URL parses. */
export function isSafeDocUrl(s: string): boolean {
  if (s.length > 2048 || !/^https?:\/\/[!-~]+$/.test(s)) return false;
  try {
    return ["http:", "https:"].includes(new URL(s).protocol);
  } catch {
    return false;
  }
}

/** Every string an ApiError exposes is safe to show and log. */
export function expectSafeError(e: ApiError): void {
  const fields: [string, string | null, number][] = [
    ["message", e.message, 2_000],
    ["detail", e.detail, 1_000],
    ["type", e.type, 200],
    ["param", e.param, 200],
    ["requestId", e.requestId, 200],
    ["url", e.url, 2_048],
    ["code", e.code, 200],
  ];
  for (const [name, value, max] of fields)
    if (value !== null)
      expect(isSafeText(value, max), `${name} is unsafe: ${JSON.stringify(value).slice(0, 300)}`).toBe(true);
  if (e.docUrl !== null) expect(isSafeDocUrl(e.docUrl), `docUrl ${JSON.stringify(e.docUrl.slice(0, 200))}`).toBe(true);
}

/** What a call came to, and after how long (monotonic clock). */
export interface Settled {
  response?: Response;
  error?: unknown;
  ms: number;
}

/** Awaits `promise`, failing (not hanging) past `watchdogMs`. */
export async function settle(promise: Promise<Response>, watchdogMs: number): Promise<Settled> {
  const start = performance.now();
  let watchdog: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    watchdog = setTimeout(() => reject(new Error(`the call did not settle within ${watchdogMs} ms`)), watchdogMs);
  });
  try {
    const response = await Promise.race([promise, hung]);
    return { response, ms: performance.now() - start };
  } catch (error) {
    if (error instanceof Error && error.message.startsWith("the call did not settle")) throw error;
    return { error, ms: performance.now() - start };
  } finally {
    clearTimeout(watchdog);
  }
}

/** The ApiError `promise` rejects with (fails when it resolves or rejects with anything else). */
export async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const e = await promise.then(
    () => expect.unreachable("resolved"),
    (error: unknown) => error,
  );
  expect(isApiError(e), String(e)).toBe(true);
  return e as ApiError;
}

/** A call either gave a usable Response or failed with an ApiError (nothing else escapes). */
export function expectContractOutcome(s: Settled): void {
  if (s.response !== undefined) {
    expect(s.response.status).toBeGreaterThanOrEqual(100);
    expect(s.response.status).toBeLessThan(400);
    expect(s.response.type).not.toBe("error");
    expect(s.response.bodyUsed).toBe(false);
  } else {
    expect(isApiError(s.error), `not an ApiError: ${String(s.error)}`).toBe(true);
    expectSafeError(s.error as ApiError);
  }
}

/** Listeners left on a signal (any, including a fetch implementation's own). */
export const listenersOn = (signal: AbortSignal): number => getEventListeners(signal, "abort").length;

/**
 * Tracks the timers the package's own code starts (by the stack of the call that starts one),
 * so a test can assert none is left pending after a call settles. Returns `stop` to restore.
 */
export function trackPackageTimers(): { pending(): number; stop(): void } {
  const realSet = globalThis.setTimeout;
  const realClear = globalThis.clearTimeout;
  const live = new Set<unknown>();
  const wrapped = ((fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    // The frame that called setTimeout (the first below this wrapper) is the package's.
    const caller = (new Error().stack ?? "").split("\n").find((line, i) => i > 1 && !line.includes("invariants.ts"));
    const ours = /error-client[/\\]src[/\\]/.test(caller ?? "");
    const handle = realSet(
      (...a: unknown[]) => {
        live.delete(handle);
        fn(...a);
      },
      ms,
      ...args,
    );
    if (ours) live.add(handle);
    return handle;
  }) as typeof setTimeout;
  globalThis.setTimeout = wrapped;
  globalThis.clearTimeout = ((handle: NodeJS.Timeout | undefined) => {
    live.delete(handle);
    realClear(handle);
  }) as typeof clearTimeout;
  return {
    pending: () => live.size,
    stop: () => {
      globalThis.setTimeout = realSet;
      globalThis.clearTimeout = realClear;
    },
  };
}

/** Unhandled rejections seen while `fn` runs its cases. */
export function watchUnhandled(): { seen: unknown[]; stop(): void } {
  const seen: unknown[] = [];
  const on = (reason: unknown): void => void seen.push(reason);
  process.on("unhandledRejection", on);
  return { seen, stop: () => process.off("unhandledRejection", on) };
}
