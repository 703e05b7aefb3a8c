/**
 * The corpus table: every provider payload of test/corpus (and the chain-safety cases of
 * test/fixtures/cases) replayed by a fake provider on 127.0.0.1, through the README's gateway
 * (the built package) over real HTTP, and the answer read as a client reads it.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { validateErrorEnvelope } from "@org/error-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UPSTREAM_DISPOSITIONS } from "../dist/index.js";
import { type CorpusCase, readCases } from "./helpers/corpus.js";
import { loadReadmeGateway } from "./helpers/readme-gateway.js";
import { staging } from "./helpers/replay.js";
import { type Answer, Rig } from "./helpers/rig.js";

const here = dirname(fileURLToPath(import.meta.url));
const corpus = readCases(join(here, "corpus"));
const fixtures = readCases(join(here, "fixtures", "cases"));

let rig: Rig;
beforeAll(async () => {
  rig = await Rig.start(await loadReadmeGateway());
});
afterAll(async () => {
  await rig.close();
});

/**
 * The contract's members of an Anthropic-dialect event, where Anthropic's SDK reads them:
 * `event: error`, `type: "error"`, the code under `error.details.error_code`, the rest under
 * `error.details`, the request id at the root.
 */
function anthropicEvent(got: Answer): Record<string, unknown> {
  expect(got.event).toBe("error");
  const body = got.body as { type: string; error: { details?: Record<string, unknown> }; request_id?: unknown };
  expect(body.type).toBe("error");
  const details = body.error.details ?? {};
  return { ...details, code: details["error_code"] ?? null, request_id: body.request_id };
}

/** Plays one case and checks what the caller got against what the case expects. */
async function check(c: CorpusCase): Promise<void> {
  const { replay, route } = await staging(c, rig);
  rig.fake.replay = replay;
  const got = await rig.send(route);
  const want = c.expect;
  // A strict 1.2 envelope, whatever the provider sent, in a response or in a stream's event.
  const error = got.envelope?.error ?? anthropicEvent(got);
  if (got.envelope !== null) {
    const strict = validateErrorEnvelope(got.envelope, { mode: "strict" });
    expect(strict.ok ? [] : strict.issues).toEqual([]);
  }
  expect(got.outcome?.error.code).toBe(want.code);
  expect(error["code"]).toBe(want.code);
  expect(got.outcome?.error.status).toBe(want.status);
  if (!got.streamed) expect(got.status).toBe(want.status);
  expect(got.outcome?.disposition).toBe(want.disposition);
  expect(UPSTREAM_DISPOSITIONS).toContain(got.outcome?.disposition);
  if (want.rule !== undefined) expect(got.outcome?.rule).toBe(want.rule);
  expect(got.retryable).toBe(want.retryable);
  // Both ids: the gateway's (header and body agree) and the provider's in the attribution.
  const gatewayId = error["request_id"];
  expect(gatewayId).toMatch(/^gw-/);
  expect(got.headers.get("x-request-id")).toBe(gatewayId);
  expect(error["upstream"]).toMatchObject({ provider: c.provider, ...want.upstream });
  const headers = (want as { headers?: Record<string, string> }).headers ?? {};
  for (const [name, value] of Object.entries(headers)) expect(got.headers.get(name)).toBe(value);
}

describe("the corpus of provider payloads, through the README gateway over HTTP", () => {
  it("holds at least 80 payloads, each with its https source", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(80);
    for (const c of corpus) expect(c.source, c.name).toMatch(/^https:\/\//);
  });

  it.each(corpus.map((c) => [c.name, c] as const))("%s", async (_, c) => check(c));
});

describe("chain safety and transport failures, through the README gateway over HTTP", () => {
  it.each(fixtures.map((c) => [c.name, c] as const))("%s", async (_, c) => check(c));
});
