/**
 * The real @google/genai against a local service whose `/v1beta/...` routes answer in the
 * gemini dialect: `ApiError.status` is the status, and the body it keeps as JSON text in
 * `ApiError.message` carries the code (ErrorInfo `reason`) and the request id (its
 * `metadata`); an error event inside a stream raises an ApiError instead of ending silently.
 */
import { ApiError, GoogleGenAI } from "@google/genai";
import { ERROR_CATALOG, ERROR_CODES, isErrorCode } from "@org/error-types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Running } from "./helpers/http.js";
import { serveSdkSurfaces } from "./helpers/sdk-server.js";

const attempts = new Map<string, number>();
let server: Running;
let ai: GoogleGenAI;

beforeAll(async () => {
  server = await serveSdkSurfaces(attempts);
  ai = new GoogleGenAI({ apiKey: "dummy", httpOptions: { baseUrl: server.url, timeout: 10_000 } });
});
afterAll(() => server.close());

const CASES = [...ERROR_CODES, "401", "429", "unexpected"];
const statusOf = (what: string): number =>
  isErrorCode(what) ? ERROR_CATALOG[what].status : what === "unexpected" ? 500 : Number(what);

interface GoogleBody {
  error: { code: number; status: string; details: Array<{ reason?: string; metadata?: Record<string, string> }> };
}

async function fail(what: string, stream: boolean): Promise<{ error: ApiError; key: string; body: GoogleBody }> {
  const key = `${what}-${stream}-${Math.random()}`;
  const config = {
    httpOptions: { headers: { "x-test-key": key, "x-test-error": what, "x-request-id": `rid-${key}` } },
  };
  const params = { model: "m", contents: "hi", config };
  const error = await (async () => {
    if (!stream) return ai.models.generateContent(params);
    for await (const _chunk of await ai.models.generateContentStream(params));
    return undefined;
  })().then(
    () => {
      throw new Error(stream ? "the stream ended without an error" : "the call succeeded");
    },
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw error;
  // Plain: the message is the body's JSON text; in a stream, "got status: S. <the event's JSON>".
  const json = stream ? error.message.slice(error.message.indexOf(". ") + 2) : error.message;
  return { error, key, body: JSON.parse(json) as GoogleBody };
}

describe("@google/genai reads the gemini dialect", () => {
  it.each(CASES.flatMap((what) => [false, true].map((stream) => ({ what, stream }))))(
    "$what (stream $stream): ApiError.status, and the code and request id in its body",
    async ({ what, stream }) => {
      const { error, key, body } = await fail(what, stream);
      expect(error.status).toBe(statusOf(what));
      expect(body.error.code).toBe(statusOf(what));
      const info = body.error.details[0];
      expect(info?.reason).toBe(isErrorCode(what) ? what : undefined);
      expect(info?.metadata?.request_id).toBe(`rid-${key}`);
      expect(error.message).not.toContain("10.0.0.3");
      // The SDK retries nothing unless told to (retryOptions): one request.
      expect(attempts.get(key)).toBe(1);
    },
  );
});
