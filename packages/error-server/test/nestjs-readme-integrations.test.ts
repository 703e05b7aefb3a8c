import "reflect-metadata";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
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
import { readmeExamples, runExample, testPromises } from "./helpers/readme-examples.js";

// Runs the README's ```typescript blocks (its Integrations section; the ```ts blocks are
// test/readme.test.ts's). File name starts with "nestjs": SWC compiles it and the examples,
// emitting the decorator metadata Nest's ValidationPipe reads.
const README = readFileSync(fileURLToPath(new URL("../README.md", import.meta.url)), "utf8");
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

// Inside the package (removed afterwards): the package tsconfig and the SWC transform apply to the examples.
const dir = mkdtempSync(fileURLToPath(new URL("./.readme-integrations-", import.meta.url)));
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  otelApi.trace.disable();
  otelApi.context.disable();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const runner = { modules: MODULES, dir, global: "__readmeIntegrations", prefix: "readme-integration" };
const run = (i: number, code: string) => runExample(runner, i, code);
const examples = readmeExamples(README, "typescript");

/** Sends one request: over HTTP to an exported Nest `app`, or to an exported route handler `GET`/`POST` as Next would. */
async function send(
  exports: Record<string, unknown>,
  method: string,
  path: string,
  body: string | undefined,
): Promise<Response> {
  const init: RequestInit = {
    method,
    ...(body === undefined ? {} : { body, headers: { "content-type": "application/json" } }),
  };
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

  testPromises(examples, run, (exports) => {
    const app = exports["app"] as { close(): Promise<void> } | undefined;
    if (app) cleanups.push(() => app.close());
    return ({ method, path, body }) => send(exports, method, path, body);
  });
});

describe("README documents the integrations' API", () => {
  it.each(Object.entries({ nestjs: nestjsAdapter, fetch: fetchAdapter, core }))(
    "every export of %s is named",
    (_name, mod) => {
      for (const name of Object.keys(mod)) expect(README, name).toMatch(new RegExp(`\\b${name}\\b`));
    },
  );
});
