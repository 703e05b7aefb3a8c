import { connect, createServer as createHttp2Server } from "node:http2";
import type { AddressInfo } from "node:net";
import { ERROR_CATALOG, ERROR_CODES, type ErrorCode, isErrorCode } from "@org/error-types";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createError, type ErrorContext } from "../src/index.js";
import {
  type NodeRequest,
  readJsonBody,
  sendError,
  sendNotFound,
  withErrorHandling,
} from "../src/adapters/node/index.js";
import { expectCatalogResponse, expectGeneric500, readEnvelope } from "./helpers/expect.js";
import { type Running, serveNode } from "./helpers/http.js";
import { LEAKS, THROWN } from "./helpers/thrown-values.js";

const reported: Array<{ error: unknown; context: ErrorContext<NodeRequest> }> = [];
let server: Running;

beforeAll(async () => {
  server = await serveNode(
    withErrorHandling(
      async (req, res) => {
        const url = new URL(req.url ?? "/", "http://x");
        switch (url.pathname) {
          case "/code": {
            const code = req.headers["x-code"];
            throw createError(isErrorCode(code) ? code : "invalid_request");
          }
          case "/thrown": {
            const value = THROWN[Number(url.searchParams.get("i"))]?.make();
            if (url.searchParams.get("sync") === "1") throw value;
            // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- non-Error values are what this test throws
            return Promise.reject(value);
          }
          case "/echo": {
            const body = await readJsonBody(req, { limit: 1024 });
            res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
            return;
          }
          case "/midway":
            res.writeHead(200, { "content-type": "text/plain" });
            res.write("partial ");
            await new Promise((resolve) => setTimeout(resolve, 5));
            throw new Error("stream broke");
          case "/cors":
            res.setHeader("access-control-allow-origin", "*");
            res.setHeader("content-encoding", "gzip");
            throw createError(401);
          case "/invalid":
            throw Object.assign(createError(409), { type: "conflict_error" });
          default:
            sendNotFound(res, { onError: (error, context) => reported.push({ error, context }) });
        }
      },
      { onError: (error, context) => reported.push({ error, context }) },
    ),
  );
});
afterAll(() => server.close());

const get = (path: string, init?: RequestInit): Promise<Response> => fetch(`${server.url}${path}`, init);

describe("node:http adapter: every catalog code round-trips", () => {
  it.each(ERROR_CODES)("%s", async (code: ErrorCode) => {
    const response = await get("/code", { headers: { "x-code": code } });
    await expectCatalogResponse(response, code);
    expect(response.headers.get("content-length")).not.toBeNull();
  });
});

describe("node:http adapter: thrown non-contract values give a generic 500", () => {
  it.each(
    THROWN.flatMap((t, i) => [
      { ...t, i, sync: true },
      { ...t, i, sync: false },
    ]),
  )("$given (sync: $sync)", async ({ i, sync, make }) => {
    reported.length = 0;
    const response = await get(`/thrown?i=${i}&sync=${sync ? 1 : 0}`);
    const text = await response.clone().text();
    for (const leak of LEAKS) expect(text).not.toContain(leak);
    await expectGeneric500(response, LEAKS);
    expect(reported).toHaveLength(1);
    expect(reported[0]?.context).toMatchObject({ unexpected: true, status: 500, headersSent: false });
    expect(typeof reported[0]?.error).toBe(typeof make());
  });
});

describe("node:http adapter: request bodies with readJsonBody", () => {
  it.each([
    {
      given: "valid JSON",
      init: { method: "POST", body: '{"a":1}', headers: { "content-type": "application/json" } },
      status: 200,
      code: undefined,
    },
    {
      given: "malformed JSON",
      init: { method: "POST", body: '{"a":', headers: { "content-type": "application/json" } },
      status: 400,
      code: "bad_request_body",
    },
    {
      given: "an empty body",
      init: { method: "POST", body: "", headers: { "content-type": "application/json" } },
      status: 400,
      code: "bad_request_body",
    },
    {
      given: "invalid UTF-8",
      init: {
        method: "POST",
        body: new Uint8Array([0x22, 0xff, 0x22]),
        headers: { "content-type": "application/json" },
      },
      status: 400,
      code: "bad_request_body",
    },
    {
      given: "an oversize body (content-length)",
      init: {
        method: "POST",
        body: JSON.stringify({ a: "x".repeat(5000) }),
        headers: { "content-type": "application/json" },
      },
      status: 413,
      code: "read_request_body_failed",
    },
    {
      given: "a non-JSON content-type",
      init: { method: "POST", body: "a=1", headers: { "content-type": "application/x-www-form-urlencoded" } },
      status: 415,
      code: "read_request_body_failed",
    },
  ])("$given -> $status $code", async ({ init, status, code }) => {
    const response = await get("/echo", init);
    expect(response.status).toBe(status);
    if (code === undefined) return;
    const body = await readEnvelope(response);
    expect(body.error.code).toBe(code);
    expect(response.headers.get("x-should-retry")).toBe("false");
  });

  it("an oversize chunked body (no content-length) -> 413 after reading at most the limit", async () => {
    const chunk = new TextEncoder().encode("x".repeat(600));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 8; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const response = await get("/echo", {
      method: "POST",
      body: stream,
      headers: { "content-type": "application/json" },
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    expect((await readEnvelope(response)).error).toEqual({
      code: "read_request_body_failed",
      type: "invalid_request_error",
      message: "The request body is larger than the limit of 1024 bytes",
      doc_url: ERROR_CATALOG.read_request_body_failed.docUrl,
    });
  });
});

describe("node:http adapter: routes, ids, headers", () => {
  it("unknown route -> 404 code null, no query string in the message", async () => {
    const response = await get("/nope/here?api_key=sk-abcdefghijkl");
    expect(response.status).toBe(404);
    expect(await readEnvelope(response)).toEqual({
      error: { message: "No route for GET /nope/here", type: "not_found_error", code: null },
    });
  });

  it.each([
    { given: "abc-123", want: "abc-123" },
    { given: "two words", want: null },
  ])("echoes a safe incoming x-request-id: $given", async ({ given, want }) => {
    const response = await get("/code", { headers: { "x-code": "access_denied", "x-request-id": given } });
    expect(response.headers.get("x-request-id")).toBe(want);
  });

  it("keeps headers set before the error (CORS) and drops entity headers", async () => {
    const response = await get("/cors");
    expect(response.status).toBe(401);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("content-encoding")).toBeNull();
    expect((await readEnvelope(response)).error.type).toBe("authentication_error");
  });

  it("safety net: an invalid envelope becomes a generic 500 and the validation error is reported", async () => {
    reported.length = 0;
    const response = await get("/invalid");
    await expectGeneric500(response, []);
    expect(reported.map((r) => (r.error as Error).name)).toEqual(["ContractError", "ErrorBodyValidationError"]);
  });
});

describe("node:http adapter: headers already sent", () => {
  it("ends the connection instead of a second response, reports, and keeps serving", async () => {
    reported.length = 0;
    const response = await get("/midway");
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    await vi.waitFor(() => expect(reported).toHaveLength(1));
    expect(reported[0]?.context).toMatchObject({ headersSent: true, unexpected: true });
    expect((await get("/code", { headers: { "x-code": "empty_response" } })).status).toBe(502);
  });
});

describe("sendError on the http2 compatibility API", () => {
  it("answers with the envelope over h2c", async () => {
    const h2 = createHttp2Server((req, res) =>
      sendError(res, createError("channel:response_time_exceeded"), { onError: () => undefined }),
    );
    await new Promise<void>((resolve) => h2.listen(0, "127.0.0.1", resolve));
    const client = connect(`http://127.0.0.1:${(h2.address() as AddressInfo).port}`);
    try {
      const { status, headers, text } = await new Promise<{
        status: unknown;
        headers: Record<string, unknown>;
        text: string;
      }>((resolve, reject) => {
        const stream = client.request({ ":path": "/", "x-request-id": "h2-1" });
        let text = "";
        let head: Record<string, unknown> = {};
        stream.on("response", (h) => (head = h));
        stream.setEncoding("utf8");
        stream.on("data", (d: string) => (text += d));
        stream.on("end", () => resolve({ status: head[":status"], headers: head, text }));
        stream.on("error", reject);
      });
      expect(status).toBe(504);
      expect(headers["x-should-retry"]).toBe("true");
      expect(headers["x-request-id"]).toBe("h2-1");
      expect(JSON.parse(text)).toEqual({
        error: {
          message: "Upstream timeout",
          type: "upstream_error",
          code: "channel:response_time_exceeded",
          request_id: "h2-1",
          doc_url: ERROR_CATALOG["channel:response_time_exceeded"].docUrl,
        },
      });
    } finally {
      client.close();
      await new Promise((resolve) => h2.close(resolve));
    }
  });
});
