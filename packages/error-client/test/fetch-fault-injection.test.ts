import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ApiError, fetchWithContract } from "../src/index.js";
import { expectContractOutcome, settle } from "./faults/invariants.js";
import { watchedCase } from "./faults/case.js";
import { boundOf, type CallPlan, callPlan, fixedPlan, RUNS, SEED } from "./faults/options.js";
import { type FetchFault, fetchFaults } from "./faults/fetch-faults.js";

// Issue 22: the caller's own fetch misbehaving (ignoring the signal, never settling, odd
// Responses, throwing non-Errors), under budgets, retries, caller signals and hooks.
const URL_ = "http://127.0.0.1:9/v1/chat";

async function runCase(fault: FetchFault, plan: CallPlan): Promise<void> {
  if (fault.hangs && plan.budgetMs === Infinity && plan.signal.kind !== "abort")
    plan = { ...plan, signal: { kind: "abort", atMs: 150 } };
  let calls = 0;
  const fetch = (input: unknown, init?: RequestInit): Promise<Response> => (calls++, fault.fetch(input, init));
  await watchedCase(fault.name, plan, async (armed) => {
    const s = await settle(
      fetchWithContract(URL_, { signal: armed.signal ?? null }, { ...armed.options, fetch }),
      Math.min(boundOf(plan) + 5_000, 30_000),
    );
    expect(s.ms, "settled within budget or abort + slack").toBeLessThanOrEqual(boundOf(plan));
    const budgeted = plan.budgetMs !== Infinity;
    const aborted = armed.signal?.aborted === true;
    if (fault.expect === "TypeError") {
      expect(s.error).toBeInstanceOf(TypeError);
      expect(calls).toBe(1);
    } else {
      expectContractOutcome(s);
      if (s.response) {
        expect(fault.expect).toBe("response");
        await s.response.body?.cancel().catch(() => undefined);
      } else {
        const e = s.error as ApiError;
        const allowed: string[] = [fault.expect];
        if (budgeted) allowed.push("timeout");
        if (aborted) allowed.push("aborted");
        expect(allowed, `${fault.name}: ${e.message}`).toContain(e.kind);
        // The request's URL, whatever the fetch's Response says (or does not).
        expect(e.url).toBe(URL_);
        if (fault.name === "error body that breaks" && e.kind === "http") {
          expect(e.status).toBe(402);
          expect(e.code).toBe("model_price_error");
          expect(calls).toBe(1);
          expect(e.detail).toMatch(/could not be read|broke/);
        }
        if (plan.hook !== "none" && e.kind !== "timeout" && e.kind !== "aborted")
          expect(calls).toBe(armed.retries.length + 1);
      }
    }
  });
}

describe("fault injection: misbehaving fetches x call options (fast-check, fixed seed)", () => {
  it("every fetch fault, with and without a budget", async () => {
    for (const fault of fetchFaults(400))
      for (const budgetMs of [Infinity, 200]) await runCase(fault, fixedPlan(budgetMs, 100));
  }, 120_000);

  it("random fetch faults under random options keep every invariant", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 600 }), fc.nat(), callPlan, async (delayMs, pick, plan) => {
        const faults = fetchFaults(delayMs);
        await runCase(faults[pick % faults.length] as FetchFault, plan);
      }),
      { seed: SEED, numRuns: RUNS(80), endOnFailure: true },
    );
  }, 300_000);
});
