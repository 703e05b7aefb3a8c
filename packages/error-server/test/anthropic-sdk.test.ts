/**
 * The real @anthropic-ai/sdk against a local service whose `/v1/messages` route answers in
 * the anthropic dialect (issue 24: `err.requestID` was empty, `err.errorCode` null, the type
 * outside the SDK's union, and an error event in a stream was ignored). Every catalog code and
 * codeless 401/429/500, plainly and inside a started stream.
 */
import Anthropic from "@anthropic-ai/sdk";
import { ERROR_CATALOG, ERROR_CODES, isErrorCode } from "@org/error-types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Running } from "./helpers/http.js";
import { serveSdkSurfaces } from "./helpers/sdk-server.js";

const MAX_RETRIES = 2;
// The SDK's ErrorType union (resources/shared.d.ts of 1.17.0), as far as a gateway sends it.
const SDK_TYPES = ["invalid_request_error", "authentication_error", "permission_error", "not_found_error"];
const SDK_TYPES_5XX = ["rate_limit_error", "api_error", "overloaded_error", "timeout_error"];
const attempts = new Map<string, number>();
let server: Running;
let client: Anthropic;

beforeAll(async () => {
  server = await serveSdkSurfaces(attempts);
  client = new Anthropic({ baseURL: server.url, apiKey: "dummy", maxRetries: MAX_RETRIES, timeout: 10_000 });
});
afterAll(() => server.close());

const CASES = [...ERROR_CODES, "401", "429", "unexpected"];
const statusOf = (what: string): number =>
  isErrorCode(what) ? ERROR_CATALOG[what].status : what === "unexpected" ? 500 : Number(what);
const retries = (what: string): boolean => (isErrorCode(what) ? ERROR_CATALOG[what].retryable : what !== "401");

async function fail(
  what: string,
  stream: boolean,
): Promise<{ error: InstanceType<typeof Anthropic.APIError>; key: string }> {
  const key = `${what}-${stream}-${Math.random()}`;
  const headers = { "x-test-key": key, "x-test-error": what, "x-request-id": `rid-${key}` };
  const params = { model: "m", max_tokens: 8, messages: [{ role: "user" as const, content: "hi" }] };
  const error = await (async () => {
    if (!stream) return client.messages.create(params, { headers });
    const events = await client.messages.create({ ...params, stream: true }, { headers });
    // A stream that ends without raising would be the cut-off answer that looks complete.
    for await (const _event of events);
    return undefined;
  })().then(
    () => {
      throw new Error(stream ? "the stream ended without an error" : "the call succeeded");
    },
    (e: unknown) => e,
  );
  if (!(error instanceof Anthropic.APIError)) throw error;
  return { error, key };
}

describe("@anthropic-ai/sdk reads the anthropic dialect", () => {
  it.each(CASES)("%s, plain: status, err.requestID, err.errorCode, a type of its union, retries", async (what) => {
    const { error, key } = await fail(what, false);
    expect(error.status).toBe(statusOf(what));
    expect(error.requestID).toBe(`rid-${key}`);
    expect(error.errorCode).toBe(isErrorCode(what) ? what : null);
    expect([...SDK_TYPES, ...SDK_TYPES_5XX]).toContain(error.type);
    expect(error.message).not.toContain("10.0.0.3");
    expect(attempts.get(key)).toBe(retries(what) ? 1 + MAX_RETRIES : 1);
  });

  it.each(CASES)("%s, in a stream: raised as an APIError with the code and the 200's request id", async (what) => {
    const { error, key } = await fail(what, true);
    expect(error.status).toBeUndefined();
    expect(error.requestID).toBe(`rid-${key}`);
    expect(error.errorCode).toBe(isErrorCode(what) ? what : null);
    expect([...SDK_TYPES, ...SDK_TYPES_5XX]).toContain(error.type);
    expect(attempts.get(key)).toBe(1);
  });
});
