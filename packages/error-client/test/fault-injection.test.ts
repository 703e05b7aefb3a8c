import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RETRYABLE_ERROR_CODES, type ErrorCode } from "@org/error-types";
import { type ApiError, fetchWithContract, isRetryable } from "../src/index.js";
import { expectContractOutcome, settle } from "./faults/invariants.js";
import { watchedCase } from "./faults/case.js";
import { boundOf, type CallPlan, callPlan, fixedPlan, RUNS, SEED } from "./faults/options.js";
import { headerSafe, type HostileEnvelope, hostileEnvelope } from "./faults/hostile.js";
import { type ServerFault, serverFaults, whole } from "./faults/server-faults.js";
import { useFaultServers } from "./faults/servers.js";

// Issue 22: every transport fault, combined with budgets, retries, caller signals and hooks.
// The invariants: the call settles within its bound; it gives a usable Response or an ApiError
// of the kind the fault is; nothing (listener, package timer, socket, unhandled rejection)
// outlives it; retries follow the catalog; every string it exposes is safe.

const servers = useFaultServers();
const FAULTS = serverFaults(15).filter((f) => !f.tls || servers.tls);

/** The fault of a generated envelope: hostile members under any error status (or a 200). */
function envelopeFault(e: HostileEnvelope): ServerFault {
  const error: Record<string, unknown> = { message: e.message, type: e.type, code: e.code, doc_url: e.docUrl };
  if (e.param !== undefined) error.param = e.param;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (e.shouldRetry) headers["x-should-retry"] = e.shouldRetry;
  if (e.retryAfterMs !== undefined) headers["retry-after-ms"] = String(e.retryAfterMs);
  if (e.requestId !== undefined) headers["x-request-id"] = headerSafe(e.requestId);
  const body = JSON.stringify({ error });
  const tooBigToCheck = e.status === 200 && Buffer.byteLength(body) > 65_536;
  return { name: `envelope ${e.status}`, script: () => whole(e.status, headers, body), expect: "http", tooBigToCheck };
}

function urlFor(fault: ServerFault): string {
  if (fault.tls) return servers.secure.route(fault.script);
  const url = servers.plain.route(fault.script);
  return fault.httpsToPlain ? url.replace(/^http:/, "https:") : url;
}

function initFor(fault: ServerFault, signal: AbortSignal | undefined): RequestInit {
  const init: RequestInit & { duplex?: string } = { method: fault.method ?? "GET", signal: signal ?? null };
  if (fault.streamed) {
    init.method = "POST";
    init.body = new ReadableStream({
      start: (c) => (c.enqueue(new TextEncoder().encode('{"q":1}')), c.close()),
    });
    init.duplex = "half";
  }
  return init;
}

async function runCase(fault: ServerFault, plan: CallPlan, envelope?: HostileEnvelope): Promise<void> {
  // A fault that never answers needs something to end it: the case gets an abort.
  if (fault.hangs && plan.budgetMs === Infinity && plan.signal.kind !== "abort")
    plan = { ...plan, signal: { kind: "abort", atMs: 200 } };
  const url = urlFor(fault);
  const server = fault.tls ? servers.secure : servers.plain;
  await watchedCase(fault.name, plan, async (armed) => {
    const s = await settle(
      fetchWithContract(url, initFor(fault, armed.signal), armed.options),
      Math.min(boundOf(plan) + 5_000, 30_000),
    );
    expect(s.ms, "settled within budget or abort + slack").toBeLessThanOrEqual(boundOf(plan));
    expectContractOutcome(s);
    const budgeted = plan.budgetMs !== Infinity;
    const aborted = armed.signal?.aborted === true;
    if (s.response) {
      const envelopeUnchecked =
        envelope?.status === 200 && (!plan.detectErrorsInSuccess || fault.tooBigToCheck === true);
      const fault200 = fault.name === "envelope in a 200" && !plan.detectErrorsInSuccess;
      expect(fault.expect === "response" || envelopeUnchecked || fault200, `${fault.name} resolved`).toBe(true);
      await s.response.body?.cancel().catch(() => undefined);
    } else {
      const e = s.error as ApiError;
      const allowed: string[] = [fault.expect];
      // A budget may end a call before its answer, not after a success arrived: a fault that
      // answers with a success at once is never a timeout (a slow body is not a failure).
      if (budgeted && fault.expect !== "response") allowed.push("timeout");
      if (aborted) allowed.push("aborted");
      if (fault.name === "envelope in a 200") allowed.push("response");
      expect(allowed, `${fault.name}: ${e.message}`).toContain(e.kind);
      // Retries follow the catalog: what may not be retried is sent once; the rest until
      // the retries run out (when nothing stopped the call first); each retry is announced.
      const hits = server.hits(url);
      const stopped = e.kind === "timeout" || e.kind === "aborted";
      if (!stopped && !isRetryable(e)) expect(hits, `${fault.name} sent again: ${e.message}`).toBeLessThanOrEqual(1);
      if (plan.hook !== "none" && !stopped && hits > 0) expect(hits).toBe(armed.retries.length + 1);
      if (plan.hook !== "none" && !stopped && !budgeted && !aborted && isRetryable(e) && !fault.streamed)
        expect(armed.retries.length, "retries used up").toBe(plan.maxRetries);
      if (envelope && e.kind === "http") {
        const code = envelope.code as ErrorCode;
        const fromCatalog = (RETRYABLE_ERROR_CODES as readonly string[]).includes(code);
        if (envelope.shouldRetry) expect(isRetryable(e)).toBe(envelope.shouldRetry === "true");
        else if (e.code === code) expect(isRetryable(e)).toBe(fromCatalog);
      }
    }
    expect(await server.drained(3_000), `sockets left open after ${fault.name}`).toBe(0);
  });
}

describe("fault injection: transport faults x call options (fast-check, fixed seed)", () => {
  it("every fixed fault, with and without a budget, settles as a Response or the right ApiError", async () => {
    for (const fault of FAULTS) for (const budgetMs of [Infinity, 300]) await runCase(fault, fixedPlan(budgetMs, 50));
  }, 120_000);

  it("successes, slow or endless, under random options are handed back (never a timeout)", async () => {
    const successes = FAULTS.filter((f) => f.expect === "response" && !f.httpsToPlain && !f.tls);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...successes), callPlan, async (f, plan) => runCase(f, plan)),
      { seed: SEED, numRuns: RUNS(30), endOnFailure: true },
    );
  }, 300_000);

  it("random faults and hostile bodies under random options keep every invariant", async () => {
    const fault = fc.oneof(
      fc.constantFrom(...FAULTS).map((f) => ({ fault: f, envelope: undefined })),
      hostileEnvelope.map((e) => ({ fault: envelopeFault(e), envelope: e })),
    );
    await fc.assert(
      fc.asyncProperty(fault, callPlan, async ({ fault: f, envelope }, plan) => runCase(f, plan, envelope)),
      { seed: SEED, numRuns: RUNS(150), endOnFailure: true },
    );
  }, 300_000);
});
