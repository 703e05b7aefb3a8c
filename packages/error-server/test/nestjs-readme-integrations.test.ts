import "reflect-metadata";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as nestCommon from "@nestjs/common";
import * as nestCore from "@nestjs/core";
import * as otelApi from "@opentelemetry/api";
import * as otelContext from "@opentelemetry/context-async-hooks";
import * as otelSdk from "@opentelemetry/sdk-trace-base";
import * as classValidator from "class-validator";
import * as nextNavigation from "next/navigation";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import * as fetchAdapter from "../src/adapters/fetch/index.js";
import * as nestjsAdapter from "../src/adapters/nestjs/index.js";
import * as core from "../src/index.js";
import { readEnvelope } from "./helpers/expect.js";

// Runs the README's ```typescript blocks (its Integrations section; the ```ts blocks are
// test/readme.test.ts's). File name starts with "nestjs": SWC compiles it and the examples,
// emitting the decorator metadata Nest's ValidationPipe reads.
const README = readFileSync(fileURLToPath(new URL("../README.md", import.meta.url)), "utf8");
const blocks = [...README.matchAll(/```typescript\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");

const MODULES: Record<string, Record<string, unknown>> = {
  "@org/error-server": core,
  "@org/error-server/fetch": fetchAdapter,
  "@org/error-server/nestjs": nestjsAdapter,
  "@nestjs/common": nestCommon,
  "@nestjs/core": nestCore,
  "@opentelemetry/api": otelApi,
  "@opentelemetry/context-async-hooks": otelContext,
  "@opentelemetry/sdk-trace-base": otelSdk,
  "class-validator": classValidator,
  "next/navigation": nextNavigation,
};

/** Rewrites `import { a, b } from "x"` into reads from MODULES; port 3000 into 127.0.0.1:0. */
function prepare(code: string): string {
  return code
    .replace(/^import \{([^}]*)\} from "([^"]+)";$/gm, (_all, named: string, from: string) => {
      if (!(from in MODULES)) throw new Error(`README imports ${from}, which this test does not provide`);
      return `const { ${named.replace(/\bas\b/g, ":")} } = (globalThis as any).__readmeIntegrations.modules[${JSON.stringify(from)}];`;
    })
    .replaceAll("listen(3000)", 'listen(0, "127.0.0.1")')
    .replaceAll("console.log(", "(globalThis as any).__readmeIntegrations.log(");
}

// Inside the package (removed afterwards): the package tsconfig and the SWC transform apply to the examples.
const dir = mkdtempSync(fileURLToPath(new URL("./.readme-integrations-", import.meta.url)));
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  otelApi.trace.disable();
  otelApi.context.disable();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(i: number, code: string): Promise<{ exports: Record<string, unknown>; logs: string[] }> {
  const logs: string[] = [];
  (globalThis as Record<string, unknown>)["__readmeIntegrations"] = { modules: MODULES, log: (...args: unknown[]) => logs.push(args.map(String).join(" ")) };
  const file = join(dir, `readme-integration-${i}.ts`);
  writeFileSync(file, `${prepare(code)}\nexport {};\n`);
  return { exports: (await import(pathToFileURL(file).href)) as Record<string, unknown>, logs };
}

const examples = blocks.map((code, i) => ({
  i,
  code,
  prints: [...code.matchAll(/\/\/ => (.*)$/gm)].map((m) => m[1]),
  requests: [...code.matchAll(/^\/\/ (GET|POST) (\S+)(?: (.+?))? -> (\d{3}|rethrown) (\S+)$/gm)].map((m) => ({
    method: m[1] ?? "GET",
    path: m[2] ?? "/",
    body: m[3],
    status: m[4] ?? "",
    code: m[5] === "null" ? null : (m[5] ?? ""),
  })),
}));

/** Sends one request: over HTTP to an exported Nest `app`, or to an exported route handler `GET`/`POST` as Next would. */
async function send(exports: Record<string, unknown>, method: string, path: string, body: string | undefined): Promise<Response> {
  const init: RequestInit = { method, ...(body === undefined ? {} : { body, headers: { "content-type": "application/json" } }) };
  const app = exports["app"] as { getHttpServer(): { address(): AddressInfo }; close(): Promise<void> } | undefined;
  if (app) return fetch(`http://127.0.0.1:${app.getHttpServer().address().port}${path}`, init);
  const handler = exports[method] as ((request: Request) => Promise<Response>) | undefined;
  if (!handler) throw new Error(`the example exports neither app nor ${method}`);
  return handler(new Request(`http://127.0.0.1${path}`, init));
}

describe("README integration examples", () => {
  it("there is one per integration, and each says what it prints or answers", () => {
    expect(examples.length).toBe(4);
    for (const { prints, requests } of examples) expect(prints.length + requests.length).toBeGreaterThan(0);
  });

  it.each(examples.filter((e) => e.prints.length > 0))("example $i prints what it says", async ({ i, code, prints }) => {
    const { logs } = await run(i, code);
    expect(logs).toEqual(prints);
  });

  it.each(examples.filter((e) => e.requests.length > 0))("example $i answers what it says", async ({ i, code, requests }) => {
    const { exports } = await run(i, code);
    const app = exports["app"] as { close(): Promise<void> } | undefined;
    if (app) cleanups.push(() => app.close());
    for (const { method, path, body, status, code: want } of requests) {
      if (status === "rethrown") {
        await expect(send(exports, method, path, body)).rejects.toMatchObject({ digest: want });
        continue;
      }
      const response = await send(exports, method, path, body);
      expect(`${method} ${path} ${body ?? ""} -> ${response.status}`).toBe(`${method} ${path} ${body ?? ""} -> ${status}`);
      expect((await readEnvelope(response)).error.code).toBe(want);
    }
  });
});

describe("README documents the integrations' API", () => {
  it.each(Object.entries({ nestjs: nestjsAdapter, fetch: fetchAdapter, core }))("every export of %s is named", (_name, mod) => {
    for (const name of Object.keys(mod)) expect(README, name).toMatch(new RegExp(`\\b${name}\\b`));
  });
});
