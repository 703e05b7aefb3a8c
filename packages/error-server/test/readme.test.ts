import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import * as nodeHttp from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import express from "express";
import Fastify, { type FastifyInstance } from "fastify";
import * as hono from "hono";
import { afterAll, describe, expect, it } from "vitest";
import * as core from "../src/index.js";
import * as expressAdapter from "../src/adapters/express/index.js";
import * as fastifyAdapter from "../src/adapters/fastify/index.js";
import * as fetchAdapter from "../src/adapters/fetch/index.js";
import * as nodeAdapter from "../src/adapters/node/index.js";
import { readmeExamples, runExample, testPromises } from "./helpers/readme-examples.js";
import { type Running, serveFetch } from "./helpers/http.js";

const README = readFileSync(fileURLToPath(new URL("../README.md", import.meta.url)), "utf8");

// What README code may import, handed over through a global so the examples run from a temp dir.
const MODULES: Record<string, Record<string, unknown>> = {
  "@org/error-server": core,
  "@org/error-server/node": nodeAdapter,
  "@org/error-server/fetch": fetchAdapter,
  "@org/error-server/express": expressAdapter,
  "@org/error-server/fastify": fastifyAdapter,
  "node:http": nodeHttp,
  express: { default: express },
  fastify: { default: Fastify },
  hono,
};

const dir = mkdtempSync(join(tmpdir(), "error-server-readme-"));
const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const runner = { modules: MODULES, dir, global: "__readme", prefix: "example" };
const run = (i: number, code: string) => runExample(runner, i, code);

/** Where an example's exports can be reached over HTTP. */
async function reach(exports: Record<string, unknown>): Promise<string> {
  const server = exports["server"] as Server | undefined;
  const app = exports["app"] as FastifyInstance | undefined;
  const fetchable = exports["default"] as { fetch?: (request: Request) => Promise<Response> } | undefined;
  if (server) {
    await new Promise<void>((resolve) => (server.listening ? resolve() : server.once("listening", () => resolve())));
    cleanups.push(() => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  if (app?.server) {
    cleanups.push(() => app.close());
    return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  }
  if (fetchable?.fetch) {
    const running: Running = await serveFetch(fetchable.fetch);
    cleanups.push(() => running.close());
    return running.url;
  }
  throw new Error("the example exports neither server, app nor a default { fetch }");
}

const examples = readmeExamples(README, "ts");

describe("README examples", () => {
  it("every ts block prints or answers what its comments say", () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
    for (const { prints, requests } of examples) expect(prints.length + requests.length).toBeGreaterThan(0);
  });

  testPromises(examples, run, async (exports) => {
    const base = await reach(exports);
    return ({ method, path, body }) => {
      const init: RequestInit = { method };
      // "text/plain:hi" sends hi as text/plain; any other body is sent as JSON.
      const typed = body?.match(/^([a-z]+\/[a-z+.-]+):(.*)$/);
      if (body !== undefined) init.body = typed ? (typed[2] ?? "") : body;
      if (body !== undefined) init.headers = { "content-type": typed ? (typed[1] ?? "") : "application/json" };
      return fetch(`${base}${path}`, init);
    };
  });
});

describe("README documents the API", () => {
  it.each(
    Object.entries({ core, node: nodeAdapter, fetch: fetchAdapter, express: expressAdapter, fastify: fastifyAdapter }),
  )("every export of %s is named", (_name, mod) => {
    for (const name of Object.keys(mod)) expect(README, name).toMatch(new RegExp(`\\b${name}\\b`));
  });

  it("states the message cap and the limits as exported", () => {
    expect(README).toContain(
      `\`MAX_RESPONSE_MESSAGE_LENGTH\` = ${core.MAX_RESPONSE_MESSAGE_LENGTH.toLocaleString("en")}`,
    );
    expect(README).toContain(`\`MAX_PARAM_LENGTH\` = ${core.MAX_PARAM_LENGTH}`);
    expect(README).toContain(`\`MAX_REQUEST_ID_LENGTH\` (${core.MAX_REQUEST_ID_LENGTH})`);
  });
});

describe("README: serving the error catalog", () => {
  it("the example serves errors.json byte for byte, with an ETag that answers 304", async () => {
    const i = examples.findIndex((e) => e.code.includes("serveErrorCatalog(req, res)"));
    expect(i).toBeGreaterThanOrEqual(0);
    const { exports } = await run(1000 + i, examples[i]?.code ?? "");
    const base = await reach(exports);
    const { ERROR_CATALOG_JSON } = await import("@org/error-types");
    const response = await fetch(`${base}${core.ERROR_CATALOG_PATH}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await response.text()).toBe(ERROR_CATALOG_JSON);
    const etag = response.headers.get("etag") ?? "";
    const again = await fetch(`${base}${core.ERROR_CATALOG_PATH}`, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    const head = await fetch(`${base}${core.ERROR_CATALOG_PATH}`, { method: "HEAD" });
    expect([head.status, await head.text()]).toEqual([200, ""]);
  });
});
