import fc from "fast-check";
import type { FetchWithContractOptions, RetryEvent } from "../../src/index.js";

/** Fixed seed in `pnpm test`; `pnpm fuzz` sets FAULT_SEED (or a random one) and FAULT_RUNS. */
// (FAULT_SEED=random picks one; fast-check prints the seed of any failure, to replay it.)
export const SEED =
  process.env.FAULT_SEED === "random"
    ? Math.floor(Math.random() * 2 ** 31)
    : Number(process.env.FAULT_SEED ?? 20_261_207);
export const RUNS = (fallback: number): number => Number(process.env.FAULT_RUNS ?? fallback);

/** What a case does with the caller's signal: none, one that never fires, or an abort at a time. */
export type SignalPlan = { kind: "none" } | { kind: "never" } | { kind: "abort"; atMs: number };
/** The caller's `onRetry`: absent, counting, counting then throwing, counting then rejecting. */
export type HookPlan = "none" | "record" | "throw" | "reject";

export interface CallPlan {
  budgetMs: number;
  errorBodyTimeoutMs: number;
  maxRetries: number;
  baseDelayMs: number;
  signal: SignalPlan;
  hook: HookPlan;
  detectErrorsInSuccess: boolean;
}

/** The options a caller combines with any fault. */
export const callPlan: fc.Arbitrary<CallPlan> = fc.record({
  budgetMs: fc.oneof(fc.constant(Infinity), fc.integer({ min: 250, max: 600 })),
  errorBodyTimeoutMs: fc.integer({ min: 20, max: 400 }),
  maxRetries: fc.integer({ min: 0, max: 2 }),
  baseDelayMs: fc.integer({ min: 0, max: 20 }),
  signal: fc.oneof(
    fc.constant<SignalPlan>({ kind: "none" }),
    fc.constant<SignalPlan>({ kind: "never" }),
    fc.integer({ min: 0, max: 300 }).map((atMs): SignalPlan => ({ kind: "abort", atMs })),
  ),
  hook: fc.constantFrom<HookPlan>("none", "record", "throw", "reject"),
  detectErrorsInSuccess: fc.boolean(),
});

/** A running case: the options to pass, the hook's calls, and cleanup of the abort timer. */
export function armPlan(plan: CallPlan): {
  options: FetchWithContractOptions;
  signal: AbortSignal | undefined;
  retries: RetryEvent[];
  dispose(): void;
} {
  const retries: RetryEvent[] = [];
  const controller = plan.signal.kind === "none" ? undefined : new AbortController();
  const timer =
    plan.signal.kind === "abort"
      ? setTimeout(() => controller?.abort(new Error("caller aborted")), plan.signal.atMs)
      : undefined;
  const onRetry =
    plan.hook === "none"
      ? undefined
      : (event: RetryEvent): void | Promise<void> => {
          retries.push(event);
          if (plan.hook === "throw") throw new Error("hook threw");
          if (plan.hook === "reject") return (async () => Promise.reject(new Error("hook rejected")))();
        };
  return {
    options: {
      retry: {
        maxRetries: plan.maxRetries,
        baseDelayMs: plan.baseDelayMs,
        maxDelayMs: 50,
        timeBudgetMs: plan.budgetMs,
      },
      errorBodyTimeoutMs: plan.errorBodyTimeoutMs,
      detectErrorsInSuccess: plan.detectErrorsInSuccess,
      ...(onRetry ? { onRetry: onRetry as (event: RetryEvent) => void } : {}),
    },
    signal: controller?.signal,
    retries,
    dispose: () => clearTimeout(timer),
  };
}

/** The plan of the fixed cases: one retry, a signal that never fires, a recording hook. */
export const fixedPlan = (budgetMs: number, errorBodyTimeoutMs: number): CallPlan => ({
  budgetMs,
  errorBodyTimeoutMs,
  maxRetries: 1,
  baseDelayMs: 5,
  signal: { kind: "never" },
  hook: "record",
  detectErrorsInSuccess: true,
});

/** Longest a case may take: its budget or abort time plus a generous slack (a 2-core CI box). */
export const SLACK_MS = 2_000;
export function boundOf(plan: CallPlan): number {
  const abortAt = plan.signal.kind === "abort" ? plan.signal.atMs : Infinity;
  return Math.min(plan.budgetMs, abortAt) + SLACK_MS;
}
