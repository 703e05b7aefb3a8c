/**
 * The matrix's service, read without any SDK: on each route, every case answers with its
 * status (plain) or a 200 stream carrying the request id headers and then the error event,
 * in the route's dialect, from which this test's own strict reader gets code, request id and
 * retryability back. When an SDK row deviates, this says whether the service or the SDK is
 * at fault.
 */
import { isRetryableHttpStatus } from "@org/error-types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CASES, type Mode, MODES } from "../src/cases.js";
import { type Service, startService } from "../src/service/server.js";
import { type Surface, SURFACES } from "../src/service/surfaces.js";

let service: Service;
beforeAll(async () => {
  service = await startService();
});
afterAll(async () => {
  await service.close();
});

const PATHS: Readonly<Record<Surface, Readonly<Record<Mode, string>>>> = {
  openai: { plain: "/v1/chat/completions", stream: "/v1/chat/completions" },
  anthropic: { plain: "/v1/messages", stream: "/v1/messages" },
  gemini: {
    plain: "/v1beta/models/e2e-model:generateContent",
    stream: "/v1beta/models/e2e-model:streamGenerateContent?alt=sse",
  },
};

// @anthropic-ai/sdk 1.17.0's `ErrorType` union: an Anthropic route's types stay inside it.
const ANTHROPIC_TYPES = [
  "invalid_request_error",
  "authentication_error",
  "billing_error",
  "permission_error",
  "not_found_error",
  "rate_limit_error",
  "timeout_error",
  "api_error",
  "overloaded_error",
  "memory_precondition_failed_error",
  "memory_path_conflict_error",
  "conflict_error",
];
const ERROR_INFO = "type.googleapis.com/google.rpc.ErrorInfo";

/** What a body says: code, request id, and a stream event's root `retryable` flag. */
interface Read {
  readonly code: unknown;
  readonly requestId: unknown;
  readonly retryable: unknown;
}

/** A member of a parsed JSON value, or undefined. */
const get = (value: unknown, ...keys: string[]): unknown =>
  keys.reduce<unknown>(
    (v, k) => (typeof v === "object" && v !== null ? (v as Record<string, unknown>)[k] : undefined),
    value,
  );

/**
 * Reads a body strictly as `surface`'s dialect (the shapes SHARED-1.2 fixes), failing on any
 * other shape: this test's own reader, independent of the server and of the client package.
 */
function readAs(surface: Surface, body: unknown): Read {
  const retryable = get(body, "retryable");
  switch (surface) {
    case "openai":
      expect(typeof get(body, "error", "type")).toBe("string");
      expect(get(body, "type")).toBeUndefined();
      return { code: get(body, "error", "code"), requestId: get(body, "error", "request_id"), retryable };
    case "anthropic":
      expect(get(body, "type")).toBe("error");
      expect(ANTHROPIC_TYPES).toContain(get(body, "error", "type"));
      return {
        code: get(body, "error", "details", "error_code") ?? null,
        requestId: get(body, "request_id"),
        retryable,
      };
    case "gemini": {
      expect(typeof get(body, "error", "status")).toBe("string");
      expect(typeof get(body, "error", "code")).toBe("number");
      const details = get(body, "error", "details");
      const info = Array.isArray(details)
        ? (details as unknown[]).find((d) => get(d, "@type") === ERROR_INFO)
        : undefined;
      return { code: get(info, "reason") ?? null, requestId: get(info, "metadata", "request_id"), retryable };
    }
  }
}

describe.each(SURFACES)("the %s route", (surface) => {
  it.each(MODES)("answers all 29 cases %s, in its dialect", async (mode) => {
    for (const c of CASES) {
      const { baseUrl, log } = service.register(c);
      const response = await fetch(`${baseUrl}${PATHS[surface][mode]}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ model: "e2e-model", stream: mode === "stream" }),
      });
      const id = log.requestIds[0];
      expect(response.status, c.id).toBe(mode === "plain" ? c.status : 200);
      expect(response.headers.get("x-request-id"), c.id).toBe(id);
      if (surface === "anthropic") expect(response.headers.get("request-id"), c.id).toBe(id);
      const text = await response.text();
      // The body, or the data of the stream's last event (the error event).
      const last = text.trimEnd().split("\n\n").at(-1) ?? "";
      if (mode === "stream") expect(last.startsWith("event: error\n"), c.id).toBe(surface === "anthropic");
      const read = readAs(surface, JSON.parse(mode === "plain" ? text : (/^data: (.*)$/m.exec(last)?.[1] ?? "")));
      const shouldRetry = response.headers.get("x-should-retry");
      const retryable =
        mode === "stream"
          ? read.retryable
          : shouldRetry === null
            ? isRetryableHttpStatus(c.status)
            : shouldRetry === "true";
      expect({ code: read.code, requestId: read.requestId, retryable }, c.id).toEqual({
        code: c.code,
        requestId: id,
        retryable: c.retryable,
      });
    }
  });
});
