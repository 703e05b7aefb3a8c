/**
 * The case being run (cases run one at a time) and the hooks every app is built with: they
 * read the current case to decide whether to answer, throw or reject, and `onError` records
 * each call so the invariants can check it was called once, with the truth.
 */
import type { AdapterOptions } from "@org/error-server";
import { effectiveDialect, type HarnessDialect, type HookMode, type Plan } from "./plan.js";

/** One `onError` call as the hook saw it. */
export interface ErrorCall {
  error: unknown;
  status: unknown;
  headersSent: unknown;
  /** Whether the package says it answered (false when the app had destroyed the response). */
  answered: unknown;
  requestId: unknown;
}

interface Current {
  plan: Plan;
  calls: ErrorCall[];
}
let current: Current | undefined;

/** Makes `plan` the current case; its `onError` calls are collected into the returned list. */
export function begin(plan: Plan): ErrorCall[] {
  current = { plan, calls: [] };
  return current.calls;
}

/** The plan of the current case (the apps' route reads it). */
export function currentPlan(): Plan {
  if (!current) throw new Error("harness: no current case");
  return current.plan;
}

/** The id `getRequestId` answers in "ok" mode. */
export const HOOK_ID = "hook-id-1";
/** The id `generateRequestId` answers in "ok" mode. */
export const GENERATED_ID = "generated-id-1";

// Answers, or fails the way the case asks: a sync throw or a rejected promise (an async
// hook whose backend is down). The rejection is returned where a string is expected on
// purpose: plain-JS users pass async hooks, and they must not crash the process.
function hook(mode: HookMode | "absent" | undefined, answer: string | undefined): string | undefined {
  if (mode === "throw") throw new Error("hook failed: backend down");
  if (mode === "reject") return Promise.reject(new Error("hook rejected: backend down")) as unknown as string;
  return mode === "absent" ? undefined : answer;
}

// Returns what the failing hook returns (a rejected promise in "reject" mode), so the package,
// not this wrapper, is the one that must handle it.
function onError(
  error: unknown,
  context: { status: unknown; headersSent: unknown; answered: unknown; requestId: unknown },
): unknown {
  current?.calls.push({
    error,
    status: context.status,
    headersSent: context.headersSent,
    answered: context.answered,
    requestId: context.requestId,
  });
  return hook(current?.plan.hooks.onError, undefined);
}

/**
 * The apps' per-route `dialect` function: answers the case's dialect, or fails the way the
 * case asks (the package must then answer in the default dialect).
 */
function dialect(): HarnessDialect {
  const choice = current?.plan.request.dialect ?? "openai";
  if (choice === "hook-throws") throw new Error("router down: password=hunter2");
  if (choice === "hook-junk") return "Anthropic" as HarnessDialect;
  if (choice === "hook-rejects") return Promise.reject(new Error("router down")) as unknown as HarnessDialect;
  return choice;
}

/** The request-id headers of the apps without `getRequestId`, in lookup order; the first echoes the id. */
export const ID_HEADERS = ["x-request-id", "X-Oneapi-Request-Id"] as const;

/** The options of one app: `withHook` builds it with `getRequestId` (and echoes under x-oneapi-request-id). */
export function appOptions<Req>(withHook: boolean): AdapterOptions<Req> {
  if (withHook)
    return {
      onError,
      dialect,
      requestIdHeader: "X-Oneapi-Request-Id",
      getRequestId: () => hook(current?.plan.hooks.getRequestId, HOOK_ID),
    };
  return {
    onError,
    dialect,
    requestIdHeader: [...ID_HEADERS],
    generateRequestId: () => hook(current?.plan.hooks.generateRequestId, GENERATED_ID) as string,
  };
}

/** The header an app echoes the id under. */
export const echoHeader = (withHook: boolean): string => (withHook ? "x-oneapi-request-id" : "x-request-id");

/** The options `sendSseError` gets inside a stream: the same hook, the same echo header, the route's dialect. */
export function sseOptions(withHook: boolean): {
  onError: typeof onError;
  requestIdHeader: string;
  dialect: HarnessDialect;
} {
  const choice = current?.plan.request.dialect ?? "openai";
  return { onError, requestIdHeader: echoHeader(withHook), dialect: effectiveDialect(choice) };
}
