/**
 * "One resolver, one answer, the same on every adapter and form" (issue 21, item 7): one
 * generated request and thrown value, sent to every adapter with the same options, must get
 * the same status, request id (header and body), body form and code everywhere. The bare
 * fetch adapter (`withErrorHandling` of `@org/error-server/fetch`, as in Workers and Next.js)
 * stands for fetch here: Hono's requestId() middleware owns the id in the Hono app.
 */
import fc from "fast-check";
import { withErrorHandling } from "@org/error-server/fetch";
import { thrownArb } from "./arb-thrown.js";
import { requestArb } from "./arbitraries.js";
import { type Answer, headerValues } from "./answer.js";
import type { App } from "./apps.js";
import { appOptions, currentPlan } from "./context.js";
import { fetchServer } from "./fetch-bridge.js";
import { type Adapter, effectiveDialect, type Plan } from "./plan.js";
import { bodyRequestId, readAsSdk } from "../helpers/dialect-reader.js";
import { runCase } from "./run-case.js";
import { materialize } from "./thrown.js";

/** The adapters compared, each by the app it is answered by (`fetch`: the bare fetch app). */
export const CROSS_ADAPTERS = ["node", "http2", "express", "fastify", "nest", "fetch"] as const;
export type CrossAdapter = (typeof CROSS_ADAPTERS)[number];

/** What must be the same everywhere. */
interface Signature {
  status: number | undefined;
  headerId: string | undefined;
  bodyId: unknown;
  form: string;
  code: unknown;
}

/** A plan with nothing done before the failure and hooks that answer. */
export const crossPlanArb: fc.Arbitrary<Omit<Plan, "adapter">> = fc.record({
  before: fc.constant({
    headers: [],
    status: undefined,
    statusMessage: undefined,
    body: "none" as const,
    destroy: false,
  }),
  thrown: thrownArb("nest"),
  hooks: fc.constant({ onError: "ok" as const, generateRequestId: "absent" as const, getRequestId: "absent" as const }),
  request: requestArb,
});

/** The bare fetch app: the handler throws what the current plan says. */
export function bareFetchServer(): ReturnType<typeof fetchServer> {
  return fetchServer(
    withErrorHandling(() => {
      throw materialize(currentPlan().thrown, "hono");
    }, appOptions(false)),
  );
}

function signature(answer: Answer, plan: Omit<Plan, "adapter">): Signature {
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(answer.body.toString("utf8")) as Record<string, unknown>;
  } catch {
    // HEAD or a broken body: compared as absent (the main property reports broken bodies).
  }
  const form = headerValues(answer, "content-type")[0]?.split(";")[0] ?? "none";
  const dialect = effectiveDialect(plan.request.dialect);
  const problem = form === "application/problem+json";
  const header = (name: string): string | undefined => headerValues(answer, name)[0];
  return {
    status: answer.status,
    headerId: header("x-request-id"),
    bodyId: problem ? body.request_id : bodyRequestId(dialect, body),
    form: problem ? form : `${form} ${dialect}`,
    code: problem ? body.code : readAsSdk(dialect, answer.status ?? 0, body, header).code,
  };
}

/** Runs `plan` on every adapter; the differences from node's answer, one line per adapter. */
export async function crossViolations(
  plan: Omit<Plan, "adapter">,
  apps: ReadonlyMap<CrossAdapter, App>,
): Promise<string[]> {
  const out: string[] = [];
  let first: string | undefined;
  for (const adapter of CROSS_ADAPTERS) {
    // The bare fetch app speaks HTTP/1.1 like every adapter but http2; `hono` picks Hono's thrown forms.
    const asAdapter: Adapter = adapter === "fetch" ? "hono" : adapter;
    const observed = await runCase({ ...plan, adapter: asAdapter }, (apps.get(adapter) as App).port);
    const seen = JSON.stringify(signature(observed.answer, plan));
    if (first === undefined) first = seen;
    else if (seen !== first) out.push(`${adapter} answered ${seen}, node ${first}`);
    for (const crash of observed.crashes) out.push(`${adapter}: process: ${crash}`);
  }
  return out;
}
