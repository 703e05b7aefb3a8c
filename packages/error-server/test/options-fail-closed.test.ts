import { describe, expect, it } from "vitest";
import * as expressAdapter from "../src/adapters/express/index.js";
import * as fastifyAdapter from "../src/adapters/fastify/index.js";
import * as fetchAdapter from "../src/adapters/fetch/index.js";
import { ContractExceptionFilter } from "../src/adapters/nestjs/index.js";
import * as nodeAdapter from "../src/adapters/node/index.js";
import { sseErrorEvent, sseHeaders, toErrorResponse, toFetchResponse } from "../src/index.js";

// Issue 21, defect 5: a misspelt option is a TypeError at setup naming the accepted values,
// never a silent default (`redact: "ALL"` used to turn masking off, `onError: "x"` reporting).
const BAD: ReadonlyArray<{ options: Record<string, unknown>; names: RegExp }> = [
  { options: { redact: "ALL" }, names: /"5xx", "all", "none" or a function/ },
  { options: { redact: "5XX" }, names: /"5xx", "all", "none" or a function/ },
  { options: { redact: true }, names: /"5xx", "all", "none" or a function/ },
  { options: { onError: "x" }, names: /onError must be a function/ },
  { options: { validate: "yes" }, names: /validate must be true or false/ },
  { options: { bodyMetadata: 0 }, names: /bodyMetadata must be true or false/ },
  { options: { onerror: () => undefined }, names: /unknown option "onerror"; the options are .*"onError"/ },
  { options: { requestIdHeader: "bad header" }, names: /requestIdHeader must be a header name/ },
  { options: { dialect: "Anthropic" }, names: /dialect must be one of "openai", "anthropic", "gemini"/ },
  { options: { dialect: "claude" }, names: /dialect must be one of "openai", "anthropic", "gemini"/ },
  { options: { dialect: null }, names: /dialect must be one of "openai", "anthropic", "gemini"/ },
];
const ADAPTER_BAD: ReadonlyArray<{ options: Record<string, unknown>; names: RegExp }> = [
  ...BAD,
  { options: { getRequestId: "x-id" }, names: /getRequestId must be a function/ },
  { options: { generateRequestId: "uuid" }, names: /generateRequestId must be true, false or a function/ },
  { options: { requestIdHeader: [] }, names: /non-empty array of header names/ },
  { options: { requestId: "r1" }, names: /unknown option "requestId"/ },
  {
    options: { dialect: "OPENAI" },
    names: /one of "openai", "anthropic", "gemini" or a function \(request\) => dialect/,
  },
];
// A function is an adapter's per-route choice: the one-call functions take a dialect name only.
const CALL_BAD = [
  ...BAD,
  {
    options: { dialect: () => "openai" },
    names: /dialect must be one of "openai", "anthropic", "gemini", got a value of type function/,
  },
];

const setups: ReadonlyArray<[string, (options: never) => unknown]> = [
  ["node withErrorHandling", (o) => nodeAdapter.withErrorHandling(() => undefined, o)],
  ["fetch withErrorHandling", (o) => fetchAdapter.withErrorHandling(() => new Response(), o)],
  ["honoErrorHandler", (o) => fetchAdapter.honoErrorHandler(o)],
  ["honoNotFoundHandler", (o) => fetchAdapter.honoNotFoundHandler(o)],
  ["express errorHandler", (o) => expressAdapter.errorHandler(o)],
  ["express notFoundHandler", (o) => expressAdapter.notFoundHandler(o)],
  ["fastify errorHandler", (o) => fastifyAdapter.errorHandler(o)],
  ["fastify notFoundHandler", (o) => fastifyAdapter.notFoundHandler(o)],
  ["ContractExceptionFilter", (o) => new ContractExceptionFilter(o)],
];

const calls: ReadonlyArray<[string, (options: never) => unknown]> = [
  ["toErrorResponse", (o) => toErrorResponse(new Error("x"), o)],
  ["toFetchResponse", (o) => toFetchResponse(new Error("x"), o)],
  ["sseErrorEvent", (o) => sseErrorEvent(new Error("x"), o)],
  ["errorResponse", (o) => fetchAdapter.errorResponse(new Error("x"), undefined, o)],
  ["notFoundResponse", (o) => fetchAdapter.notFoundResponse(new Request("http://127.0.0.1/x"), o)],
];
// The stream heads take the dialect and the request-id options only.
const heads: ReadonlyArray<[string, (options: never) => unknown]> = [
  ["sseHeaders", (o) => sseHeaders(o)],
  ["sseResponse", (o) => fetchAdapter.sseResponse(null, undefined, o)],
  ["startSse", (o) => nodeAdapter.startSse({} as never, o)],
];

describe.each(setups)("%s", (_name, make) => {
  it.each(ADAPTER_BAD)("$options is a TypeError naming what is accepted", ({ options, names }) => {
    expect(() => make(options as never)).toThrow(TypeError);
    expect(() => make(options as never)).toThrow(names);
  });
  it("takes every valid option", () => {
    const valid = { redact: "all", onError: () => undefined, validate: false, bodyMetadata: true };
    expect(() => make({ ...valid, requestIdHeader: ["x-a", "x-b"], generateRequestId: true } as never)).not.toThrow();
    for (const dialect of ["openai", "anthropic", "gemini", () => "anthropic"])
      expect(() => make({ ...valid, dialect } as never)).not.toThrow();
  });
});

describe.each(calls)("%s", (_name, call) => {
  it.each(CALL_BAD)("$options is a TypeError naming what is accepted", ({ options, names }) => {
    expect(() => call(options as never)).toThrow(names);
  });
});

describe.each(heads)("%s", (_name, call) => {
  it.each([
    ...CALL_BAD.filter(({ options }) => "dialect" in options),
    {
      options: { redact: "all" },
      names: /unknown option "redact"; the options are "dialect", "requestId", "requestIdHeader"/,
    },
  ])("$options is a TypeError naming what is accepted", ({ options, names }) => {
    expect(() => call(options as never)).toThrow(names);
  });
});

it("the Fastify plugin's own option is checked too", () => {
  expect(() => fastifyAdapter.errorHandler({ notFound: "no" } as never)).toThrow(/notFound must be true or false/);
});

it("sendSseError and sseErrorEvent name the accepted formats", () => {
  expect(() => sseErrorEvent(new Error("x"), { format: "OpenAI" as never })).toThrow(/"openai" or "anthropic"/);
});
