import { ERROR_CODES, type ErrorCode, isErrorCode } from "@org/error-types";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { validator } from "hono/validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createError, type ErrorContext } from "../src/index.js";
import { honoErrorHandler, honoNotFoundHandler, readJsonBody, withErrorHandling } from "../src/adapters/fetch/index.js";
import { expectCatalogResponse, expectGeneric500, readEnvelope } from "./helpers/expect.js";
import { type Running, serveFetch } from "./helpers/http.js";
import { LEAKS, THROWN } from "./helpers/thrown-values.js";

const reported: Array<{ error: unknown; context: ErrorContext<Request> }> = [];
const onError = (error: unknown, context: ErrorContext<Request>): void => void reported.push({ error, context });

// A Hono app as a user would write it: onError and notFound from the adapter, and app.fetch
// wrapped too, because Hono hands only Error instances to onError.
const app = new Hono();
app.onError(honoErrorHandler({ onError }));
app.notFound(honoNotFoundHandler({ onError }));
app.get("/code", (c) => {
  const code = c.req.header("x-code");
  throw createError(isErrorCode(code) ? code : "invalid_request");
});
app.get("/thrown", async (c) => {
  const value = THROWN[Number(c.req.query("i"))]?.make();
  if (c.req.query("sync") === "1") throw value;
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- non-Error values are what this test throws
  return Promise.reject(value);
});
app.post(
  "/validated",
  bodyLimit({ maxSize: 1024 }),
  validator("json", (value) => value),
  (c) => c.json(c.req.valid("json")),
);
app.post("/read", async (c) => c.json(await readJsonBody(c.req.raw, { limit: 1024 })));
app.get("/http-exception", () => {
  throw new HTTPException(401, { message: "Token expired" });
});
app.get("/http-exception-500", () => {
  throw new HTTPException(503, { message: "db at 10.1.2.3 is down" });
});

// A Workers-style handler with no framework at all.
const worker = withErrorHandling(
  async (request: Request) => {
    const body = (await readJsonBody(request, { limit: 64 })) as { code?: unknown };
    if (isErrorCode(body.code))
      throw createError(body.code, undefined, { retryAfter: body.code === "get_channel_failed" ? 5 : undefined });
    throw new Error(`unhandled ${JSON.stringify(body)} sk-abcdefghijklmnop`);
  },
  { onError, getRequestId: (request) => request.headers.get("cf-ray") ?? undefined },
);

let hono: Running;
let workers: Running;
beforeAll(async () => {
  hono = await serveFetch(withErrorHandling(app.fetch, { onError }));
  workers = await serveFetch(worker);
});
afterAll(async () => {
  await hono.close();
  await workers.close();
});

describe("Hono: every catalog code round-trips", () => {
  it.each(ERROR_CODES)("%s", async (code: ErrorCode) => {
    const response = await fetch(`${hono.url}/code`, { headers: { "x-code": code, "x-request-id": `id-${code}` } });
    await expectCatalogResponse(response, code);
    expect(response.headers.get("x-request-id")).toBe(`id-${code}`);
  });
});

describe("Hono: thrown non-contract values give a generic 500", () => {
  it.each(
    THROWN.flatMap((t, i) => [
      { ...t, i, sync: true },
      { ...t, i, sync: false },
    ]),
  )("$given (sync: $sync)", async ({ i, sync }) => {
    reported.length = 0;
    const response = await fetch(`${hono.url}/thrown?i=${i}&sync=${sync ? 1 : 0}`);
    const text = await response.clone().text();
    for (const leak of LEAKS) expect(text).not.toContain(leak);
    await expectGeneric500(response, LEAKS);
    expect(reported).toHaveLength(1);
    expect(reported[0]?.context).toMatchObject({ unexpected: true, status: 500 });
    expect(reported[0]?.context.request).toBeInstanceOf(Request);
  });
});

describe("Hono: framework errors and routes", () => {
  const json = { "content-type": "application/json" };
  it.each([
    {
      given: "malformed JSON (validator)",
      path: "/validated",
      init: { method: "POST", body: "{nope", headers: json },
      status: 400,
      code: "bad_request_body",
    },
    {
      given: "an oversize body (bodyLimit)",
      path: "/validated",
      init: { method: "POST", body: "x".repeat(2000), headers: json },
      status: 413,
      code: "read_request_body_failed",
    },
    {
      given: "malformed JSON (readJsonBody)",
      path: "/read",
      init: { method: "POST", body: "[1,", headers: json },
      status: 400,
      code: "bad_request_body",
    },
    {
      given: "an oversize body (readJsonBody)",
      path: "/read",
      init: { method: "POST", body: `"${"x".repeat(2000)}"`, headers: json },
      status: 413,
      code: "read_request_body_failed",
    },
    {
      given: "a non-JSON body (readJsonBody)",
      path: "/read",
      init: { method: "POST", body: "<a/>", headers: { "content-type": "text/xml" } },
      status: 415,
      code: "read_request_body_failed",
    },
    { given: "an HTTPException 401", path: "/http-exception", init: {}, status: 401, code: null },
    { given: "an unknown route", path: "/missing?token=abc", init: {}, status: 404, code: null },
  ])("$given -> $status $code", async ({ path, init, status, code }) => {
    const response = await fetch(`${hono.url}${path}`, init);
    expect(response.status).toBe(status);
    expect((await readEnvelope(response)).error.code).toBe(code);
  });

  it("keeps a 4xx HTTPException's message, and a 404's path without the query", async () => {
    expect((await readEnvelope(await fetch(`${hono.url}/http-exception`))).error).toEqual({
      message: "Token expired",
      type: "authentication_error",
      code: null,
    });
    expect((await readEnvelope(await fetch(`${hono.url}/missing?token=abc`))).error.message).toBe(
      "No route for GET /missing",
    );
  });

  it("does not show a 5xx HTTPException's message", async () => {
    const response = await fetch(`${hono.url}/http-exception-500`);
    expect(response.status).toBe(503);
    expect((await readEnvelope(response)).error).toEqual({
      message: "Service Unavailable",
      type: "upstream_error",
      code: null,
    });
  });
});

describe("Workers-style handler with withErrorHandling and readJsonBody", () => {
  const post = (body: string, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(workers.url, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });

  it.each([
    { given: '{"code":"get_channel_failed"}', status: 503, code: "get_channel_failed", retryAfter: "5" },
    { given: '{"code":"prompt_blocked"}', status: 400, code: "prompt_blocked", retryAfter: null },
    { given: "{oops", status: 400, code: "bad_request_body", retryAfter: null },
    {
      given: JSON.stringify({ pad: "x".repeat(100) }),
      status: 413,
      code: "read_request_body_failed",
      retryAfter: null,
    },
    { given: '{"other":1}', status: 500, code: null, retryAfter: null },
  ])("$given -> $status $code", async ({ given, status, code, retryAfter }) => {
    const response = await post(given, { "cf-ray": "ray-1" });
    expect(response.status).toBe(status);
    expect(response.headers.get("retry-after")).toBe(retryAfter);
    expect(response.headers.get("x-request-id")).toBe("ray-1");
    const text = await response.clone().text();
    expect(text).not.toContain("sk-abc");
    expect((await readEnvelope(response)).error.code).toBe(code);
  });

  it("uses getRequestId instead of x-request-id: no id found, none echoed", async () => {
    const response = await post('{"code":"prompt_blocked"}', { "x-request-id": "from-header" });
    expect(response.status).toBe(400);
    expect(response.headers.get("x-request-id")).toBeNull();
  });
});
