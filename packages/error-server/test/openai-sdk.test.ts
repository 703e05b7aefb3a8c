import { ERROR_CATALOG, ERROR_CODES, type ErrorCode, isErrorCode } from "@org/error-types";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createError } from "../src/index.js";
import { sendNotFound, withErrorHandling } from "../src/adapters/node/index.js";
import { type Running, serveNode } from "./helpers/http.js";

// The contract reaches clients we did not write: the official SDK reads `x-should-retry`.
const MAX_RETRIES = 2;
const attempts = new Map<string, number>();
let server: Running;
let client: OpenAI;

beforeAll(async () => {
  server = await serveNode(
    withErrorHandling(
      (req, res) => {
        const key = String(req.headers["x-test-key"]);
        attempts.set(key, (attempts.get(key) ?? 0) + 1);
        // Keeps the SDK's back-off short; it prefers retry-after-ms to its own delays.
        res.setHeader("retry-after-ms", "1");
        if (!req.url?.startsWith("/v1/chat/completions")) return sendNotFound(res);
        const what = String(req.headers["x-test-error"]);
        if (isErrorCode(what)) throw createError(what);
        if (what === "unexpected") throw new Error("database at 10.0.0.3 exploded");
        throw createError(Number(what) as 401 | 429);
      },
      { onError: () => undefined },
    ),
  );
  client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: "dummy", maxRetries: MAX_RETRIES, timeout: 10_000 });
});
afterAll(() => server.close());

type ErrorClass = new (...args: never[]) => Error;
const SDK_CLASSES: Record<number, ErrorClass> = {
  400: OpenAI.BadRequestError,
  401: OpenAI.AuthenticationError,
  403: OpenAI.PermissionDeniedError,
  404: OpenAI.NotFoundError,
  429: OpenAI.RateLimitError,
};
const classFor = (status: number): ErrorClass =>
  SDK_CLASSES[status] ?? (status >= 500 ? OpenAI.InternalServerError : OpenAI.APIError);

async function call(what: string): Promise<{ error: InstanceType<typeof OpenAI.APIError>; attempts: number }> {
  const key = `${what}-${Math.random()}`;
  const error = await client.chat.completions
    .create(
      { model: "m", messages: [{ role: "user", content: "hi" }] },
      { headers: { "x-test-key": key, "x-test-error": what, "x-request-id": `rid-${key}` } },
    )
    .then(
      () => {
        throw new Error("the call succeeded");
      },
      (e: unknown) => e,
    );
  if (!(error instanceof OpenAI.APIError)) throw error;
  expect(error.requestID).toBe(`rid-${key}`);
  return { error, attempts: attempts.get(key) ?? 0 };
}

describe("the openai SDK against every catalog code", () => {
  it.each(ERROR_CODES)("%s: SDK class, code, and retries as x-should-retry says", async (code: ErrorCode) => {
    const entry = ERROR_CATALOG[code];
    const { error, attempts: seen } = await call(code);
    expect(error).toBeInstanceOf(classFor(entry.status));
    expect(error.status).toBe(entry.status);
    expect(error.code).toBe(code);
    expect(error.type).toBe(entry.type);
    expect(error.message).toBe(`${entry.status} ${entry.meaning}`);
    expect(seen).toBe(entry.retryable ? 1 + MAX_RETRIES : 1);
  });
});

describe("the openai SDK against errors without a code", () => {
  it.each([
    { given: "401", status: 401, want: 1 },
    { given: "429", status: 429, want: 1 + MAX_RETRIES },
    { given: "unexpected", status: 500, want: 1 + MAX_RETRIES },
  ])("$given: code null, the SDK's own retry rule ($want attempts)", async ({ given, status, want }) => {
    const { error, attempts: seen } = await call(given);
    expect(error).toBeInstanceOf(classFor(status));
    expect(error.code).toBeNull();
    expect(error.message).not.toContain("10.0.0.3");
    expect(seen).toBe(want);
  });
});
