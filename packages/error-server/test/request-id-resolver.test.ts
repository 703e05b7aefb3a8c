import { request as httpRequest } from "node:http";
import { Hono } from "hono";
import { requestId } from "hono/request-id";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorResponse, honoErrorHandler } from "../src/adapters/fetch/index.js";
import { serveErrorCatalog } from "../src/adapters/node/index.js";
import { createError, errorCatalogFetchHandler, PROBLEM_CONTENT_TYPE } from "../src/index.js";
import { type Running, serveFetch, serveNode } from "./helpers/http.js";
import { ADAPTERS, serveAdapter } from "./helpers/servers.js";

// Issue 21, defect 7: one request-id resolver for every adapter and form; Accept parsing
// bounded and quote-aware; the catalog endpoint's conditional requests, preflight and 405.
const pick = () => ({ headers: {}, fail: () => createError("model_not_found") });

/** GET with raw header lines (repeated names stay separate lines), read by node's llhttp. */
function rawGet(
  url: string,
  headers: Record<string, string | string[]>,
  method = "GET",
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe.each(ADAPTERS)("%s", (adapter) => {
  let configured: Running;
  let listed: Running;
  let plain: Running;
  beforeAll(async () => {
    configured = await serveAdapter(adapter, pick, {
      requestIdHeader: "X-Oneapi-Request-Id",
      onError: () => undefined,
    });
    listed = await serveAdapter(adapter, pick, {
      requestIdHeader: ["x-request-id", "x-oneapi-request-id"],
      onError: () => undefined,
    });
    plain = await serveAdapter(adapter, pick, { onError: () => undefined });
  });
  afterAll(() => Promise.all([configured.close(), listed.close(), plain.close()]));

  it.each(["application/json", "application/problem+json"])(
    "the configured header's id is in the %s body and the echo header",
    async (accept) => {
      const response = await fetch(`${configured.url}/x`, { headers: { accept, "x-oneapi-request-id": "req-abc" } });
      expect(response.headers.get("x-oneapi-request-id")).toBe("req-abc");
      const body = (await response.json()) as { request_id?: string; error?: { request_id?: string } };
      expect(body.error?.request_id ?? body.request_id).toBe("req-abc");
    },
  );

  it("an invalid x-request-id does not hide a valid id in the next configured header", async () => {
    const response = await fetch(`${listed.url}/x`, {
      headers: { "x-request-id": "not valid", "x-oneapi-request-id": "req-good" },
    });
    expect(response.headers.get("x-request-id")).toBe("req-good");
  });

  it("two X-Request-Id lines give the first id (the same on node and fetch)", async () => {
    const response = await rawGet(`${plain.url}/x`, { "x-request-id": ["req-first", "req-second"] });
    expect(response.headers["x-request-id"]).toBe("req-first");
    expect((JSON.parse(response.body) as { error: { request_id: string } }).error.request_id).toBe("req-first");
  });

  it("a comma inside a quoted parameter is not a range separator", async () => {
    const response = await fetch(`${plain.url}/x`, {
      // Misread, the quoted text would be a range of its own, preferred (q=1) over JSON's 0.5.
      headers: { accept: 'application/json;q=0.5, text/plain;note="a, application/problem+json, b"' },
    });
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
  });
});

describe("Hono's requestId() middleware", () => {
  let server: Running;
  beforeAll(async () => {
    const app = new Hono();
    app.onError(honoErrorHandler({ onError: () => undefined }));
    app.use(requestId());
    app.get("*", () => {
      throw createError("model_not_found");
    });
    server = await serveFetch(app.fetch);
  });
  afterAll(() => server.close());

  it.each(["application/json", "application/problem+json"])(
    "%s: the header id and the body's agree",
    async (accept) => {
      const response = await fetch(`${server.url}/x`, { headers: { accept } });
      const header = response.headers.get("x-request-id");
      expect(header).toMatch(/^[\w-]{8,}$/);
      const body = (await response.json()) as { request_id?: string; error?: { request_id?: string } };
      expect(body.error?.request_id ?? body.request_id).toBe(header);
    },
  );
});

it("Accept: the parameters read per range are capped (a huge Accept costs little, and later ones are ignored)", () => {
  const accept = `application/problem+json${";x=1".repeat(100_000)};q=0`;
  const response = errorResponse(createError(404), new Request("http://127.0.0.1/", { headers: { accept } }));
  // q=0 sits past the cap: not read, so the range counts with q=1.
  expect(response.headers.get("content-type")).toBe(PROBLEM_CONTENT_TYPE);
});

describe.each(["node", "fetch"] as const)("the catalog endpoint (%s)", (kind) => {
  let server: Running;
  beforeAll(async () => {
    server =
      kind === "node"
        ? await serveNode((req, res) => void (serveErrorCatalog(req, res) || res.writeHead(599).end()))
        : await serveFetch((request) => errorCatalogFetchHandler(request) ?? new Response(null, { status: 599 }));
  });
  afterAll(() => server.close());

  it("If-None-Match on a second header line still gives 304", async () => {
    const etag = (await fetch(`${server.url}/v1/errors`)).headers.get("etag") ?? "";
    const response = await rawGet(`${server.url}/v1/errors`, { "if-none-match": ['"other"', etag] });
    expect(response.status).toBe(304);
  });

  it("an OPTIONS preflight gets the CORS headers a conditional GET needs", async () => {
    const response = await fetch(`${server.url}/v1/errors`, {
      method: "OPTIONS",
      headers: {
        origin: "https://any.example",
        "access-control-request-method": "GET",
        "access-control-request-headers": "if-none-match",
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-methods")).toContain("GET");
    expect(response.headers.get("access-control-allow-headers")).toContain("if-none-match");
  });

  it("the 405 is negotiated (problem+json when asked) and readable cross-origin", async () => {
    const response = await fetch(`${server.url}/v1/errors`, {
      method: "POST",
      headers: { accept: "application/problem+json" },
    });
    expect(response.status).toBe(405);
    expect(response.headers.get("content-type")).toBe(PROBLEM_CONTENT_TYPE);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("vary")).toBe("accept");
  });
});
