import { Hono } from "hono";
import { basicAuth } from "hono/basic-auth";
import { bearerAuth } from "hono/bearer-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { honoErrorHandler } from "../src/adapters/fetch/index.js";
import { createError } from "../src/index.js";
import { readEnvelope } from "./helpers/expect.js";
import { type Running, serveFetch } from "./helpers/http.js";
import { ADAPTERS, serveAdapter, type Scenario } from "./helpers/servers.js";

// Issue 21, defect 3 (a-d): one header rule for every source and every adapter.
const APP_HEADERS = {
  vary: "Origin",
  "access-control-allow-origin": "https://app.example",
  "cache-control": "public, max-age=86400",
  "cdn-cache-control": "max-age=86400",
  "surrogate-control": "max-age=86400",
  location: "/elsewhere",
  "x-app": "kept",
};
const FRAMING = {
  "transfer-encoding": "chunked",
  "content-encoding": "gzip",
  "content-range": "bytes 0-9/10",
  etag: '"v1"',
  "x-upstream": "kept",
};

const SCENARIOS: Record<string, Scenario> = {
  "/app-headers": { headers: APP_HEADERS, fail: () => createError("model_not_found") },
  "/own-framing": {
    headers: {},
    fail: () => createError("model_not_found", "gone", { headers: FRAMING }),
  },
  "/http-401": {
    headers: {},
    fail: () =>
      Object.assign(new Error("Unauthorized"), { status: 401, headers: { "WWW-Authenticate": 'Basic realm="api"' } }),
  },
  "/http-503": {
    headers: {},
    fail: () => Object.assign(new Error("down"), { status: 503, headers: { "Retry-After": "120" } }),
  },
  "/http-404-retry": {
    headers: {},
    fail: () => Object.assign(new Error("nope"), { status: 404, headers: { "Retry-After": "120" } }),
  },
};
const pick = (path: string): Scenario => SCENARIOS[path] ?? { headers: {}, fail: () => new Error("no scenario") };

describe.each(ADAPTERS)("%s", (adapter) => {
  let server: Running;
  beforeAll(async () => {
    server = await serveAdapter(adapter, pick, { onError: () => undefined });
  });
  afterAll(() => server.close());

  it("(b, c) the app's Vary is merged with accept; the failed 200's caching and Location are dropped", async () => {
    const response = await fetch(`${server.url}/app-headers`);
    expect(response.status).toBe(404);
    const vary = (response.headers.get("vary") ?? "").split(",").map((v) => v.trim().toLowerCase());
    expect(vary.sort()).toEqual(["accept", "origin"]);
    for (const name of ["cache-control", "cdn-cache-control", "surrogate-control", "location"])
      expect(response.headers.get(name), name).toBeNull();
    expect(response.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(response.headers.get("x-app")).toBe("kept");
    await readEnvelope(response);
  });

  it("(a) the error's own framing, coding, range and validator headers are dropped", async () => {
    const response = await fetch(`${server.url}/own-framing`);
    expect(response.status).toBe(404);
    for (const name of ["content-encoding", "content-range", "etag"])
      expect(response.headers.get(name), name).toBeNull();
    // Framing is the server's own (the fetch bridge streams chunked): never both, never the error's.
    const framing = [response.headers.get("transfer-encoding"), response.headers.get("content-length")];
    expect(framing.filter((value) => value !== null)).toHaveLength(1);
    expect(response.headers.get("x-upstream")).toBe("kept");
    expect((await readEnvelope(response)).error.message).toBe("gone");
  });

  it("(d) http-errors' WWW-Authenticate on a 401 is kept", async () => {
    const response = await fetch(`${server.url}/http-401`);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe('Basic realm="api"');
  });

  it("(d) http-errors' Retry-After on a 503 is kept, on a 404 it is not (the contract forbids it)", async () => {
    const unavailable = await fetch(`${server.url}/http-503`);
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get("retry-after")).toBe("120");
    const missing = await fetch(`${server.url}/http-404-retry`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("retry-after")).toBeNull();
  });
});

describe("(d) Hono's auth middleware: the HTTPException's own WWW-Authenticate is kept", () => {
  let server: Running;
  beforeAll(async () => {
    const app = new Hono();
    app.onError(honoErrorHandler({ onError: () => undefined }));
    app.use("/basic/*", basicAuth({ username: "u", password: "p" }));
    app.use("/bearer/*", bearerAuth({ token: "t" }));
    app.get("/basic/x", (c) => c.text("ok"));
    app.get("/bearer/x", (c) => c.text("ok"));
    server = await serveFetch(app.fetch);
  });
  afterAll(() => server.close());

  it.each([
    ["/basic/x", /^Basic realm=/],
    ["/bearer/x", /^Bearer realm=/],
  ])("%s", async (path, challenge) => {
    const response = await fetch(`${server.url}${path}`);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(challenge);
    await readEnvelope(response);
  });
});
