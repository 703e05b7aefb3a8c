import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { ERROR_CATALOG_JSON, errorTypeForHttpStatus } from "@org/error-types";
import { isErrorEnvelope } from "@org/error-validator";
import { describe, expect, it } from "vitest";
import {
  ERROR_CATALOG_PATH,
  errorCatalogFetchHandler,
  errorCatalogResponse,
} from "../src/core/error-catalog-handler.js";
import { serveNode } from "./helpers/http.js";

const SHIPPED = readFileSync(createRequire(import.meta.url).resolve("@org/error-types/errors.json"), "utf8");
const get = (url: string, ifNoneMatch?: string) => errorCatalogResponse({ method: "GET", url, ifNoneMatch });

describe("errorCatalogResponse (GET /v1/errors)", () => {
  it("serves @org/error-types/errors.json byte for byte, as cacheable public JSON", () => {
    const res = get("/v1/errors");
    expect(res?.status).toBe(200);
    expect(res?.body).toBe(SHIPPED);
    expect(res?.body).toBe(ERROR_CATALOG_JSON);
    expect(res?.headers).toMatchObject({
      "content-type": "application/json; charset=utf-8",
      "content-length": String(Buffer.byteLength(SHIPPED)),
      "access-control-allow-origin": "*",
    });
    expect(res?.headers["etag"]).toMatch(/^"\d+\.\d+\.\d+-[0-9a-f]{8}"$/);
  });

  it.each([
    "/v1/errors?lang=en",
    "/v1/errors#x",
    "https://api.example.test/v1/errors",
    "http://127.0.0.1:8080/v1/errors?x=1",
  ])("answers %s (query, fragment and origin do not decide)", (url) => {
    expect(get(url)?.status).toBe(200);
  });

  it.each(["/", "/v1/error", "/v1/errors/", "/v1/errors/x", "/v2/errors", "//v1/errors", "/V1/ERRORS", ""])(
    "leaves %j to the rest of the app (undefined)",
    (url) => {
      expect(get(url)).toBeUndefined();
    },
  );

  it("answers on another path when told, and only there", () => {
    expect(errorCatalogResponse({ method: "GET", url: "/errors.json" }, { path: "/errors.json" })?.status).toBe(200);
    expect(errorCatalogResponse({ method: "GET", url: "/v1/errors" }, { path: "/errors.json" })).toBeUndefined();
  });

  it("HEAD: the same headers, no body", () => {
    const res = errorCatalogResponse({ method: "HEAD", url: "/v1/errors" });
    expect(res).toEqual({ status: 200, headers: get("/v1/errors")?.headers, body: "" });
  });

  it.each([(e: string) => e, (e: string) => `W/${e}`, (e: string) => `"other", ${e}`, () => "*"])(
    "If-None-Match naming the catalog: 304, no body (%#)",
    (tag) => {
      const etag = get("/v1/errors")?.headers["etag"] as string;
      const res = get("/v1/errors", tag(etag));
      expect(res?.status).toBe(304);
      expect(res?.body).toBe("");
      expect(res?.headers["etag"]).toBe(etag);
    },
  );

  it("a stale If-None-Match gets the catalog", () => {
    expect(get("/v1/errors", '"0.9.0-00000000"')?.status).toBe(200);
  });

  it.each(["POST", "PUT", "DELETE", "PATCH"])("%s: 405 with Allow and the contract's envelope", (method) => {
    const res = errorCatalogResponse({ method, url: "/v1/errors" });
    expect(res?.status).toBe(405);
    expect(res?.headers["allow"]).toBe("GET, HEAD, OPTIONS");
    const body = JSON.parse(res?.body ?? "") as { error: { type: string; code: null } };
    expect(isErrorEnvelope(body)).toBe(true);
    expect(body.error).toMatchObject({ type: errorTypeForHttpStatus(405), code: null });
  });

  it.each([null, undefined, {}, { method: "GET" }, { url: "/v1/errors" }, { method: 1, url: "/v1/errors" }])(
    "a request that is not { method, url } is a TypeError (%j)",
    (request) => {
      expect(() => errorCatalogResponse(request as never)).toThrow(TypeError);
    },
  );
});

describe("errorCatalogFetchHandler", () => {
  it("GET, HEAD and 304 as Fetch Responses; undefined for other paths", async () => {
    const ok = errorCatalogFetchHandler(new Request("http://127.0.0.1/v1/errors"));
    expect(ok?.status).toBe(200);
    await expect(ok?.text()).resolves.toBe(SHIPPED);
    const head = errorCatalogFetchHandler(new Request("http://127.0.0.1/v1/errors", { method: "HEAD" }));
    expect([head?.status, head?.body]).toEqual([200, null]);
    const etag = ok?.headers.get("etag") ?? "";
    const notModified = errorCatalogFetchHandler(
      new Request("http://127.0.0.1/v1/errors", { headers: { "if-none-match": etag } }),
    );
    expect([notModified?.status, notModified?.body]).toEqual([304, null]);
    expect(errorCatalogFetchHandler(new Request("http://127.0.0.1/v1/other"))).toBeUndefined();
  });

  it("a 405 is the contract's envelope", async () => {
    const res = errorCatalogFetchHandler(new Request("http://127.0.0.1/v1/errors", { method: "POST", body: "{}" }));
    expect(res?.status).toBe(405);
    expect(isErrorEnvelope(await res?.json())).toBe(true);
  });
});

describe("served by node:http in one line, over real HTTP", () => {
  it("a client downloads the catalog and parses it", async () => {
    const server = await serveNode((req, res) => {
      const answer = errorCatalogResponse({
        method: req.method ?? "GET",
        url: req.url ?? "/",
        ifNoneMatch: req.headers["if-none-match"],
      });
      if (answer) res.writeHead(answer.status, answer.headers).end(answer.body);
      else res.writeHead(404).end();
    });
    try {
      const res = await fetch(`${server.url}${ERROR_CATALOG_PATH}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(SHIPPED);
      const again = await fetch(`${server.url}${ERROR_CATALOG_PATH}`, {
        headers: { "if-none-match": res.headers.get("etag") ?? "" },
      });
      expect(again.status).toBe(304);
    } finally {
      await server.close();
    }
  });
});
