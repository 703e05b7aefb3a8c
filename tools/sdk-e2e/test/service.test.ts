/**
 * The matrix's service, read without any SDK: on each route, every case answers with its
 * status (plain) or a 200 stream carrying the request id headers and then the error event,
 * in the route's dialect, and `@org/error-client` reads code, request id and retryability
 * back from it. When an SDK row deviates, this says whether the service or the SDK is at fault.
 */
import { type ApiError, isRetryable, parseErrorResponse, readSseEvents } from "@org/error-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CASES, type Mode, MODES } from "../src/cases.js";
import { SERVER_HAS_DIALECTS } from "../src/service/dialect.js";
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

/** Which dialect a parsed error body is in, by its shape alone. */
function shapeOf(body: unknown): Surface | "other" {
  const root = body as { type?: unknown; error?: { status?: unknown; code?: unknown } } | null;
  if (root?.type === "error") return "anthropic";
  if (typeof root?.error?.status === "string" && typeof root.error.code === "number") return "gemini";
  return typeof root?.error === "object" ? "openai" : "other";
}

/** The error a stream ends with (readSseEvents throws it), or a failure when none comes. */
async function streamError(response: Response): Promise<ApiError> {
  try {
    for await (const event of readSseEvents(response)) void event;
  } catch (error) {
    return error as ApiError;
  }
  throw new Error("the stream ended without an error event");
}

describe.each(SURFACES)("the %s route", (surface) => {
  it.each(MODES)("answers all 29 cases %s, in its dialect, read back by @org/error-client", async (mode) => {
    for (const c of CASES) {
      const { baseUrl, log } = service.register(c);
      const response = await fetch(`${baseUrl}${PATHS[surface][mode]}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ model: "e2e-model", stream: mode === "stream" }),
      });
      const id = log.requestIds[0];
      expect(response.headers.get("x-request-id"), c.id).toBe(id);
      if (surface === "anthropic")
        expect(response.headers.get("request-id"), c.id).toBe(SERVER_HAS_DIALECTS || mode === "stream" ? id : null);
      const text = await response.clone().text();
      // The body, or the data of the stream's last event (the error event).
      const last = text.trimEnd().split("\n\n").at(-1) ?? "";
      const data = mode === "plain" ? text : (/^data: (.*)$/m.exec(last)?.[1] ?? "");
      const dialect = SERVER_HAS_DIALECTS || (mode === "stream" && surface === "anthropic") ? surface : "openai";
      expect(shapeOf(JSON.parse(data)), `${c.id}: body shape`).toBe(dialect);
      expect(response.status, c.id).toBe(mode === "plain" ? c.status : 200);
      const error = mode === "plain" ? await parseErrorResponse(response) : await streamError(response);
      expect({ code: error.code, requestId: error.requestId, retryable: isRetryable(error) }, c.id).toEqual({
        code: c.code,
        requestId: id,
        retryable: c.retryable,
      });
    }
  });
});
