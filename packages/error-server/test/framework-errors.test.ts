import { createServer } from "node:http";
import express from "express";
import Fastify from "fastify";
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { errorHandler as expressErrorHandler } from "../src/adapters/express/index.js";
import { contractErrors, frameworkErrorHandler } from "../src/adapters/fastify/index.js";
import { honoErrorHandler } from "../src/adapters/fetch/index.js";
import type { ErrorContext } from "../src/index.js";
import { readEnvelope } from "./helpers/expect.js";
import { listen, type Running, serveFetch } from "./helpers/http.js";
import { ADAPTERS, serveAdapter } from "./helpers/servers.js";

const SECRET = "vault https://vault.internal:8200 token=s.AbCdEf123 unreachable from 10.0.0.7";
const LEAKS = ["vault.internal", "s.AbCdEf123", "10.0.0.7"];

/** An http-errors error as `createHttpError(status, message)` makes it (expose: status < 500). */
const httpError = (status: number, message: string, extra: object = {}) =>
  Object.assign(new Error(message), { status, statusCode: status, expose: status < 500, ...extra });

describe.each(ADAPTERS)("%s: framework and http-errors-style errors keep their status", (adapter) => {
  const seen: Array<{ error: unknown; context: ErrorContext }> = [];
  let server: Running;
  const CASES: Record<string, () => unknown> = {
    "400": () => httpError(400, "Failed to decode param 'gpt%E0%A4%A'"),
    "404": () => httpError(404, "Not Found"),
    "409": () => Object.assign(new Error("the run is already finished"), { statusCode: 409 }),
    "422": () => httpError(422, "temperature is out of range"),
    "503": () => httpError(503, `down for maintenance: ${SECRET}`),
    "502": () => Object.assign(new Error(SECRET), { statusCode: 502 }),
    "404-enoent": () =>
      httpError(404, "ENOENT: no such file or directory, stat '/home/alice/srv/x.txt'", {
        code: "ENOENT",
        syscall: "stat",
        errno: -2,
      }),
    "400-secret": () => httpError(400, `bad key sk-proj-abcdefghijklmnopqrstuv`),
  };
  const originals = new Map<string, unknown>();
  beforeAll(async () => {
    server = await serveAdapter(
      adapter,
      (path) => ({
        headers: {},
        fail: () => {
          const name = path.slice(1);
          const error = (CASES[name] ?? (() => new Error("no case")))();
          originals.set(name, error);
          return error;
        },
      }),
      { onError: (error: unknown, context: ErrorContext) => void seen.push({ error, context }) } as never,
    );
  });
  afterAll(() => server.close());

  it.each(Object.keys(CASES))("%s", async (name) => {
    seen.length = 0;
    const response = await fetch(`${server.url}/${name}`);
    const status = Number(name.slice(0, 3));
    expect(response.status).toBe(status);
    const body = await readEnvelope(response);
    expect(body.error.type).toBe(
      status >= 500
        ? status === 500
          ? "server_error"
          : "upstream_error"
        : status === 404
          ? "not_found_error"
          : "invalid_request_error",
    );
    const text = JSON.stringify(body);
    for (const leak of [...LEAKS, "/home/alice", "sk-proj-abc"]) expect(text).not.toContain(leak);
    if (name === "400") expect(body.error.message).toBe("Failed to decode param 'gpt%E0%A4%A'");
    if (name === "409") expect(body.error.message).toBe("the run is already finished");
    // A bare 502 names no business code: the contract marks 502 codeless, so no code (say
    // channel:invalid_key) is claimed for a failure the framework knows nothing about.
    if (name === "502") expect(body.error.code).toBeNull();
    // onError gets the error as thrown, not a wrapper; 4xx are client mistakes, not unexpected.
    expect(seen).toHaveLength(1);
    expect(seen[0]?.error).toBe(originals.get(name));
    expect(seen[0]?.context.unexpected).toBe(status >= 500);
  });
});

describe("Express's own client mistakes", () => {
  let server: Running;
  const errorSpy = vi.spyOn(console, "error").mockImplementation(() => undefined);
  beforeAll(async () => {
    const app = express();
    app.get("/v1/models/:id", (req, res) => void res.json({ id: req.params.id }));
    app.get("/file", (_req, res) => res.sendFile("/nonexistent-dir-i11/secret-file.txt"));
    app.use(expressErrorHandler());
    server = await listen(createServer(app));
  });
  afterAll(() => server.close());
  afterEach(() => errorSpy.mockClear());

  it("a bad URL encoding is 400, not logged as unexpected", async () => {
    const response = await fetch(`${server.url}/v1/models/gpt%E0%A4%A`);
    expect(response.status).toBe(400);
    expect((await readEnvelope(response)).error.code).toBeNull();
    expect(errorSpy).not.toHaveBeenCalled();
  });

  it("sendFile's ENOENT is 404 and names no file", async () => {
    const response = await fetch(`${server.url}/file`);
    expect(response.status).toBe(404);
    expect(JSON.stringify(await readEnvelope(response))).not.toContain("nonexistent-dir-i11");
    expect(errorSpy).not.toHaveBeenCalled();
  });
});

describe("Hono's own client mistakes", () => {
  let server: Running;
  beforeAll(async () => {
    const app = new Hono();
    app.onError(honoErrorHandler({ onError: () => undefined }));
    app.post("/json", async (c) => c.json(await c.req.json()));
    app.post("/own-parse", async (c) => {
      await c.req.json();
      return c.json(JSON.parse("{upstream"));
    });
    app.get("/maintenance", () => {
      throw new HTTPException(503, { message: `down: ${SECRET}` });
    });
    server = await serveFetch(app.fetch);
  });
  afterAll(() => server.close());

  it("c.req.json() on bad JSON is 400 bad_request_body", async () => {
    const response = await fetch(`${server.url}/json`, {
      method: "POST",
      body: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(response.status).toBe(400);
    expect((await readEnvelope(response)).error.code).toBe("bad_request_body");
  });

  it("a handler's own JSON.parse failure on a good body stays a 500", async () => {
    const response = await fetch(`${server.url}/own-parse`, {
      method: "POST",
      body: "{}",
      headers: { "content-type": "application/json" },
    });
    expect(response.status).toBe(500);
  });

  it("HTTPException(503) stays 503 without its message", async () => {
    const response = await fetch(`${server.url}/maintenance`);
    expect(response.status).toBe(503);
    expect(JSON.stringify(await readEnvelope(response))).not.toContain("vault");
  });
});

describe("Fastify: nothing reaches a body but an envelope", () => {
  let url: string;
  const app = Fastify({ frameworkErrors: frameworkErrorHandler({ onError: () => undefined }) });
  beforeAll(async () => {
    await app.register(contractErrors, { onError: () => undefined });
    app.addHook("onSend", async (request, _reply, payload) => {
      if (request.url.startsWith("/onsend")) throw new Error(SECRET);
      return payload;
    });
    app.get("/onsend", async () => ({ ok: true }));
    app.get("/onsend-throws", async () => {
      throw new Error("first failure");
    });
    app.get("/models/:id", async () => ({ ok: true }));
    url = await app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(() => app.close());

  it.each(["/onsend", "/onsend-throws"])("an onSend hook that throws (%s) gives the generic 500", async (path) => {
    const response = await fetch(`${url}${path}`);
    expect(response.status).toBe(500);
    const text = JSON.stringify(await readEnvelope(response));
    for (const leak of LEAKS) expect(text).not.toContain(leak);
  });

  it("a bad URL encoding (FST_ERR_BAD_URL) gets the envelope via frameworkErrors", async () => {
    const response = await fetch(`${url}/models/%zz`);
    expect(response.status).toBe(400);
    expect((await readEnvelope(response)).error.code).toBeNull();
  });
});
