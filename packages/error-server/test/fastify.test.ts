import { ERROR_CATALOG, ERROR_CODES, type ErrorCode, isErrorCode } from "@org/error-types";
import Fastify, { type FastifyInstance, type FastifyRequest } from "fastify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createError, type ErrorContext } from "../src/index.js";
import { contractErrors } from "../src/adapters/fastify/index.js";
import { expectCatalogResponse, expectGeneric500, readEnvelope } from "./helpers/expect.js";
import { LEAKS, THROWN } from "./helpers/thrown-values.js";

const reported: Array<{ error: unknown; context: ErrorContext<FastifyRequest> }> = [];
const onError = (error: unknown, context: ErrorContext<FastifyRequest>): void => void reported.push({ error, context });

let app: FastifyInstance;
let url: string;

beforeAll(async () => {
  app = Fastify({ bodyLimit: 1024 });
  await app.register(contractErrors, { onError });
  app.get("/code", async (request) => {
    const code = request.headers["x-code"];
    throw createError(isErrorCode(code) ? code : "invalid_request");
  });
  app.get<{ Querystring: { i: string; sync?: string } }>("/thrown", (request, reply) => {
    const value = THROWN[Number(request.query.i)]?.make();
    if (request.query.sync === "1") throw value;
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- non-Error values are what this test throws
    return Promise.reject(value);
  });
  app.post(
    "/chat",
    {
      schema: {
        body: {
          type: "object",
          required: ["model", "messages"],
          properties: {
            model: { type: "string" },
            messages: {
              type: "array",
              items: {
                type: "object",
                required: ["role"],
                properties: { role: { type: "string", enum: ["user", "system"] } },
              },
            },
          },
        },
        querystring: { type: "object", properties: { n: { type: "integer" } } },
      },
    },
    async (request) => request.body,
  );
  app.get("/midway", async (_request, reply) => {
    reply.raw.writeHead(200, { "content-type": "text/plain" });
    reply.raw.write("partial ");
    await new Promise((resolve) => setTimeout(resolve, 5));
    throw new Error("stream broke");
  });
  app.register(
    async (child) => {
      child.get("/models/:id", async (request) => {
        throw createError("model_not_found", undefined, { param: "model" });
      });
    },
    { prefix: "/v1" },
  );
  url = await app.listen({ port: 0, host: "127.0.0.1" });
});
afterAll(() => app.close());

describe("Fastify: every catalog code round-trips", () => {
  it.each(ERROR_CODES)("%s", async (code: ErrorCode) => {
    const response = await fetch(`${url}/code`, { headers: { "x-code": code, "x-request-id": "fy-1" } });
    expect(response.headers.get("x-request-id")).toBe("fy-1");
    await expectCatalogResponse(response, code);
  });
});

describe("Fastify: thrown non-contract values give a generic 500", () => {
  it.each(
    THROWN.flatMap((t, i) => [
      { ...t, i, sync: true },
      { ...t, i, sync: false },
    ]),
  )("$given (sync: $sync)", async ({ i, sync }) => {
    reported.length = 0;
    const response = await fetch(`${url}/thrown?i=${i}&sync=${sync ? 1 : 0}`);
    const text = await response.clone().text();
    for (const leak of LEAKS) expect(text).not.toContain(leak);
    await expectGeneric500(response, LEAKS);
    expect(reported).toHaveLength(1);
    expect(reported[0]?.context).toMatchObject({ unexpected: true, status: 500, headersSent: false });
  });
});

describe("Fastify: its own errors map into the contract", () => {
  const post = (
    body: string,
    headers: Record<string, string> = { "content-type": "application/json" },
    query = "",
  ): Promise<Response> => fetch(`${url}/chat${query}`, { method: "POST", body, headers });

  it.each([
    {
      given: "a missing field",
      body: '{"messages":[]}',
      want: { status: 400, code: "invalid_request", param: "model" },
    },
    {
      given: "a wrong nested field",
      body: '{"model":"m","messages":[{"role":"robot"}]}',
      want: { status: 400, code: "invalid_request", param: "messages[0].role" },
    },
    {
      given: "a missing nested field",
      body: '{"model":"m","messages":[{}]}',
      want: { status: 400, code: "invalid_request", param: "messages[0].role" },
    },
    {
      given: "a wrong type",
      body: '{"model":{"a":1},"messages":[]}',
      want: { status: 400, code: "invalid_request", param: "model" },
    },
    { given: "malformed JSON", body: '{"model":', want: { status: 400, code: "bad_request_body", param: undefined } },
    { given: "an empty JSON body", body: "", want: { status: 400, code: "bad_request_body", param: undefined } },
    {
      given: "a body over the limit",
      body: JSON.stringify({ model: "x".repeat(2000), messages: [] }),
      want: { status: 413, code: "read_request_body_failed", param: undefined },
    },
  ])("$given -> $want.status $want.code $want.param", async ({ body, want }) => {
    const response = await post(body);
    expect(response.status).toBe(want.status);
    expect(response.headers.get("x-should-retry")).toBe("false");
    const { error } = await readEnvelope(response);
    expect(error.code).toBe(want.code);
    expect(error.param).toBe(want.param);
  });

  it("a querystring validation error names the parameter", async () => {
    const response = await post('{"model":"m","messages":[]}', undefined, "?n=abc");
    expect(response.status).toBe(400);
    expect((await readEnvelope(response)).error).toMatchObject({
      code: "invalid_request",
      param: "n",
      type: "invalid_request_error",
    });
  });

  it("an unsupported media type -> 415 read_request_body_failed", async () => {
    const response = await post("<a/>", { "content-type": "text/xml" });
    expect(response.status).toBe(415);
    expect((await readEnvelope(response)).error.code).toBe("read_request_body_failed");
  });
});

describe("Fastify: routes and plugins", () => {
  it("applies to routes of encapsulated child plugins", async () => {
    const response = await fetch(`${url}/v1/models/x`);
    expect(response.status).toBe(404);
    expect(await readEnvelope(response)).toEqual({
      error: {
        message: "Model not found",
        type: "not_found_error",
        code: "model_not_found",
        param: "model",
        doc_url: ERROR_CATALOG.model_not_found.docUrl,
      },
    });
  });

  it("unknown route -> 404 code null", async () => {
    const response = await fetch(`${url}/nowhere?key=sk-abcdefghijkl`, { method: "PUT" });
    expect(response.status).toBe(404);
    expect(await readEnvelope(response)).toEqual({
      error: { message: "No route for PUT /nowhere", type: "not_found_error", code: null },
    });
  });
});

describe("Fastify: headers already sent", () => {
  it("ends the connection instead of a second response, reports, and keeps serving", async () => {
    reported.length = 0;
    const response = await fetch(`${url}/midway`);
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    await vi.waitFor(() => expect(reported).toHaveLength(1));
    expect(reported[0]?.context).toMatchObject({ headersSent: true, unexpected: true });
    expect((await fetch(`${url}/code`, { headers: { "x-code": "query_data_error" } })).status).toBe(500);
  });
});
