import { createServer } from "node:http";
import { ERROR_CATALOG, ERROR_CODES, type ErrorCode, isErrorCode } from "@org/error-types";
import express from "express";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createError, type ErrorContext } from "../src/index.js";
import { errorHandler, type ExpressRequestLike, notFoundHandler } from "../src/adapters/express/index.js";
import { expectCatalogResponse, expectGeneric500, readEnvelope } from "./helpers/expect.js";
import { listen, type Running } from "./helpers/http.js";
import { LEAKS, THROWN } from "./helpers/thrown-values.js";

const reported: Array<{ error: unknown; context: ErrorContext<ExpressRequestLike> }> = [];
const onError = (error: unknown, context: ErrorContext<ExpressRequestLike>): void =>
  void reported.push({ error, context });

const app = express();
app.use(express.json({ limit: "1kb" }));
app.get("/code", (req) => {
  const code = req.get("x-code");
  throw createError(isErrorCode(code) ? code : "invalid_request");
});
app.get("/thrown", async (req) => {
  const value = THROWN[Number(req.query["i"])]?.make();
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- non-Error values are what this test throws
  if (req.query["sync"] === "1" && value !== null && value !== undefined) throw value;
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- non-Error values are what this test throws
  return Promise.reject(value);
});
app.post("/echo", (req, res) => {
  res.json(req.body);
});
app.get("/midway", async (_req, res) => {
  res.write("partial ");
  await new Promise((resolve) => setTimeout(resolve, 5));
  throw new Error("stream broke");
});
app.get("/forbidden-http-error", (_req, _res, next) => {
  next(Object.assign(new Error("Forbidden here"), { status: 403, expose: true }));
});
const v1 = express.Router();
v1.get("/models/:id", (req) => {
  throw createError("model_not_found", `Model ${req.params["id"]} does not exist`, { param: "model" });
});
app.use("/v1", v1);
app.use(notFoundHandler({ onError }));
app.use(errorHandler({ onError }));

let server: Running;
beforeAll(async () => {
  server = await listen(createServer(app));
});
afterAll(() => server.close());

describe("Express: every catalog code round-trips", () => {
  it.each(ERROR_CODES)("%s", async (code: ErrorCode) => {
    await expectCatalogResponse(await fetch(`${server.url}/code`, { headers: { "x-code": code } }), code);
  });
});

describe("Express: thrown non-contract values give a generic 500", () => {
  // Sync `throw null` / `throw undefined` mean "no error" to Express (it routes on, to the
  // 404); they are covered as rejections, which Express turns into an error.
  it.each(
    THROWN.flatMap((t, i) => [
      { ...t, i, sync: true },
      { ...t, i, sync: false },
    ]),
  )("$given (sync: $sync)", async ({ i, sync }) => {
    reported.length = 0;
    const response = await fetch(`${server.url}/thrown?i=${i}&sync=${sync ? 1 : 0}`);
    const text = await response.clone().text();
    for (const leak of LEAKS) expect(text).not.toContain(leak);
    await expectGeneric500(response, LEAKS);
    expect(reported).toHaveLength(1);
    expect(reported[0]?.context).toMatchObject({ unexpected: true, status: 500, headersSent: false });
  });
});

describe("Express: its own errors map into the contract", () => {
  const json = { "content-type": "application/json" };
  it.each([
    {
      given: "malformed JSON",
      init: { method: "POST", body: '{"a":', headers: json },
      status: 400,
      code: "bad_request_body",
      message: "The request body is not valid JSON",
    },
    {
      given: "a body over the limit",
      init: { method: "POST", body: JSON.stringify({ a: "x".repeat(2000) }), headers: json },
      status: 413,
      code: "read_request_body_failed",
      message: "The request body is larger than the limit of 1024 bytes",
    },
    {
      given: "an unsupported charset",
      init: { method: "POST", body: "{}", headers: { "content-type": "application/json; charset=klingon" } },
      status: 415,
      code: "read_request_body_failed",
      message: "Unsupported Content-Type: expected application/json",
    },
  ])("$given -> $status $code", async ({ init, status, code, message }) => {
    const response = await fetch(`${server.url}/echo`, init);
    expect(response.status).toBe(status);
    expect(response.headers.get("x-should-retry")).toBe("false");
    expect((await readEnvelope(response)).error).toMatchObject({ code, message });
  });

  it("keeps an exposed 4xx http-error's status and message", async () => {
    const response = await fetch(`${server.url}/forbidden-http-error`);
    expect(response.status).toBe(403);
    // 403 is not codeless in the contract: the first code the catalog allows with it.
    expect((await readEnvelope(response)).error).toEqual({
      message: "Forbidden here",
      type: "permission_error",
      code: "access_denied",
      doc_url: ERROR_CATALOG.access_denied.docUrl,
    });
  });
});

describe("Express: routes, params, ids", () => {
  it("a sub-router's ContractError keeps message and param", async () => {
    const response = await fetch(`${server.url}/v1/models/gpt-9`, { headers: { "x-request-id": "req-42" } });
    expect(response.status).toBe(404);
    expect(response.headers.get("x-request-id")).toBe("req-42");
    expect(await readEnvelope(response)).toEqual({
      error: {
        message: "Model gpt-9 does not exist",
        type: "not_found_error",
        code: "model_not_found",
        param: "model",
        request_id: "req-42",
        doc_url: ERROR_CATALOG.model_not_found.docUrl,
      },
    });
  });

  it("unknown route -> 404 code null naming the full path", async () => {
    const response = await fetch(`${server.url}/v1/nothing?api_key=1`, { method: "DELETE" });
    expect(response.status).toBe(404);
    expect(await readEnvelope(response)).toEqual({
      error: { message: "No route for DELETE /v1/nothing", type: "not_found_error", code: null },
    });
  });
});

describe("Express: headers already sent", () => {
  it("ends the connection instead of a second response, reports, and keeps serving", async () => {
    reported.length = 0;
    const response = await fetch(`${server.url}/midway`);
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    await vi.waitFor(() => expect(reported).toHaveLength(1));
    expect(reported[0]?.context).toMatchObject({ headersSent: true, unexpected: true });
    expect((await fetch(`${server.url}/code`, { headers: { "x-code": "bad_response" } })).status).toBe(502);
  });
});
