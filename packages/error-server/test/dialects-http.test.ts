/**
 * The server renders by dialect (issue 24, item 2), over real HTTP on every adapter, read by
 * the strict readers (raw HTTP/1.1, node:http2's client, the WHATWG event-stream reader) and
 * judged by an independent reader of each SDK's view (`dialect-reader.ts`): every catalog
 * code and codeless 401/429/500, plain and inside a stream, on routes whose dialect the
 * adapter's `dialect` function picks per route.
 */
import { ERROR_CATALOG, ERROR_CODES, isErrorCode } from "@org/error-types";
import { validateErrorBody } from "@org/error-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "./harness/answer.js";
import { requestH1 } from "./harness/h1-reader.js";
import { requestH2 } from "./harness/h2-reader.js";
import { readAsSdk, TEST_DIALECTS, type TestDialect } from "./helpers/dialect-reader.js";
import {
  DIALECT_ADAPTERS,
  type DialectAdapter,
  type DialectServer,
  FIRST_EVENT,
  startDialectServer,
} from "./helpers/dialect-servers.js";
import { parseEventStream } from "./helpers/sse.js";

/** Every code, and the codeless statuses the issue names. */
const CASES: readonly string[] = [...ERROR_CODES, "401", "429", "500"];
const statusOf = (what: string): number => (isErrorCode(what) ? ERROR_CATALOG[what].status : Number(what));
const codeOf = (what: string): string | null => (isErrorCode(what) ? what : null);

const servers = new Map<DialectAdapter, DialectServer>();
beforeAll(async () => {
  for (const adapter of DIALECT_ADAPTERS) servers.set(adapter, await startDialectServer(adapter));
}, 60_000);
afterAll(async () => {
  await Promise.all([...servers.values()].map((server) => server.close()));
});

async function get(adapter: DialectAdapter, path: string, id: string, accept?: string): Promise<Answer> {
  const server = servers.get(adapter) as DialectServer;
  const extra: Record<string, string> = accept === undefined ? {} : { accept };
  if (server.h2) return requestH2(server.port, { ":method": "GET", ":path": path, "x-request-id": id, ...extra });
  const lines = [`GET ${path} HTTP/1.1`, "Host: 127.0.0.1", `X-Request-Id: ${id}`];
  return requestH1(server.port, "GET", accept === undefined ? lines : [...lines, `Accept: ${accept}`]);
}

const headerOf = (answer: Answer) => (name: string) => answer.headers.find(([n]) => n === name)?.[1];
const table = DIALECT_ADAPTERS.flatMap((adapter) =>
  TEST_DIALECTS.flatMap((dialect) => CASES.map((what) => ({ adapter, dialect, what }))),
);

describe("plain responses follow the route's dialect", () => {
  it.each(table)("$adapter, $dialect: $what", async ({ adapter, dialect, what }) => {
    const id = `rid-${adapter}-${dialect}-${what}`;
    const answer = await get(adapter, `/${dialect}/plain/${encodeURIComponent(what)}`, id);
    expect(answer.framing).toEqual([]);
    expect(answer.complete).toBe(true);
    expect(answer.status).toBe(statusOf(what));
    const header = headerOf(answer);
    expect(header("content-type")).toMatch(/^application\/json/);
    const body: unknown = JSON.parse(answer.body.toString("utf8"));
    // The contract's strict validator of the dialect, and the SDK's view.
    expect(validateErrorBody(dialect, body)).toMatchObject({ ok: true });
    const view = readAsSdk(dialect, statusOf(what), body, header);
    expect(view.problems).toEqual([]);
    expect(view.code).toBe(codeOf(what));
    expect(view.requestId).toBe(id);
    // On every dialect: the contract's headers, the id under x-request-id.
    expect(header("x-request-id")).toBe(id);
    expect(header("x-should-retry")).toBe(isErrorCode(what) ? String(ERROR_CATALOG[what].retryable) : undefined);
    expect(header("x-error-code")).toBe(isErrorCode(what) ? what : undefined);
    expect(header("request-id")).toBe(dialect === "anthropic" ? id : undefined);
  });
});

/** The events of a stream read by the strict reader, and what the last one says. */
function streamed(answer: Answer): { events: ReturnType<typeof parseEventStream>; data: unknown } {
  const events = parseEventStream(answer.body.toString("utf8"));
  return { events, data: JSON.parse(events.at(-1)?.data ?? "null") };
}

describe("SSE error events follow the stream's dialect, and its 200 carries the request id", () => {
  it.each(table)("$adapter, $dialect: $what", async ({ adapter, dialect, what }) => {
    const id = `rid-sse-${adapter}-${dialect}-${what}`;
    const answer = await get(adapter, `/${dialect}/sse/${encodeURIComponent(what)}`, id);
    expect(answer.framing).toEqual([]);
    expect(answer.complete).toBe(true);
    expect(answer.status).toBe(200);
    const header = headerOf(answer);
    expect(header("content-type")).toMatch(/^text\/event-stream/);
    expect(header("x-request-id")).toBe(id);
    expect(header("request-id")).toBe(dialect === "anthropic" ? id : undefined);
    const { events, data } = streamed(answer);
    expect(events).toHaveLength(2);
    expect(events[0]).toEqual({ event: "message", data: FIRST_EVENT.slice(6, -2) });
    // Anthropic's SDK raises only `event: error`; OpenAI's and Google's read unnamed events.
    expect(events[1]?.event).toBe(dialect === "anthropic" ? "error" : "message");
    // The event's body is the dialect's strict body once the stand-in `retryable` flag is set aside.
    const { retryable: _, ...eventBody } = data as { retryable?: unknown };
    expect(validateErrorBody(dialect, eventBody)).toMatchObject({ ok: true });
    const view = readAsSdk(dialect as TestDialect, statusOf(what), data, header);
    expect(view.problems).toEqual([]);
    expect(view.code).toBe(codeOf(what));
    expect(view.requestId).toBe(id);
    const retryable = isErrorCode(what) ? ERROR_CATALOG[what].retryable : what !== "401";
    expect((data as { retryable?: unknown }).retryable).toBe(retryable);
  });
});

describe("problem+json stays negotiable on every dialect, with the code and the request id", () => {
  const cases = DIALECT_ADAPTERS.flatMap((adapter) =>
    TEST_DIALECTS.flatMap((dialect) => ["channel:invalid_key", "429"].map((what) => ({ adapter, dialect, what }))),
  );
  it.each(cases)("$adapter, $dialect: $what", async ({ adapter, dialect, what }) => {
    const id = `rid-problem-${adapter}-${dialect}`;
    const answer = await get(adapter, `/${dialect}/plain/${encodeURIComponent(what)}`, id, "application/problem+json");
    expect(answer.complete).toBe(true);
    expect(answer.status).toBe(statusOf(what));
    const header = headerOf(answer);
    expect(header("content-type")).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(answer.body.toString("utf8"))).toMatchObject({
      status: statusOf(what),
      code: codeOf(what),
      request_id: id,
    });
    expect(header("x-request-id")).toBe(id);
    expect(header("request-id")).toBe(dialect === "anthropic" ? id : undefined);
  });
});
