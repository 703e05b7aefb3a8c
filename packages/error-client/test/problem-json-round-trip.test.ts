import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createError } from "@org/error-server";
import { withErrorHandling as withFetchErrors } from "@org/error-server/fetch";
import { sendError } from "@org/error-server/node";
import {
  ERROR_CATALOG,
  ERROR_CODES,
  type ErrorCode,
  errorTypeForHttpStatus,
  HTTP_ERROR_STATUSES,
  HTTP_STATUSES,
} from "@org/error-types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isRetryable, parseErrorResponse } from "../src/index.js";

// The service side, with @org/error-server's node adapter: /code/<code> answers createError(code),
// /status/<n> a code-less error, /crash a bug; the Accept header chooses envelope or problem details.
let server: Server;
let base: string;
const quiet = { onError: () => undefined };
beforeAll(async () => {
  server = createServer((req, res) => {
    const [, kind, value = ""] = (req.url ?? "").split("/");
    if (kind === "code")
      sendError(res, createError(decodeURIComponent(value) as ErrorCode, undefined, { param: "model" }), quiet);
    else if (kind === "status")
      sendError(res, createError(Number(value) as 401, undefined, value === "429" ? { retryAfter: 7 } : {}), quiet);
    else sendError(res, new TypeError("secret at http://10.0.0.1/internal"), quiet);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));

const ENVELOPE = { accept: "application/json" };
const PROBLEM = { accept: "application/problem+json" };

describe("RFC 9457 problem details from @org/error-server, parsed by this package", () => {
  it.each(ERROR_CODES)(
    "%s: the same code, status, request id, detail and retry decision as the envelope",
    async (code) => {
      const path = `${base}/code/${encodeURIComponent(code)}`;
      const headers = { "x-request-id": `rt-${code}` };
      const envelopeResponse = await fetch(path, { headers: { ...headers, ...ENVELOPE } });
      const problemResponse = await fetch(path, { headers: { ...headers, ...PROBLEM } });
      expect(problemResponse.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      const body = (await problemResponse.clone().json()) as { type: string };
      const [fromEnvelope, fromProblem] = [
        await parseErrorResponse(envelopeResponse),
        await parseErrorResponse(problemResponse),
      ];
      const { status, type, retryable, docUrl } = ERROR_CATALOG[code];
      expect(body.type).toBe(docUrl);
      const same = {
        kind: "http",
        status,
        code,
        rawCode: code,
        type,
        docUrl,
        param: "model",
        requestId: `rt-${code}`,
        detail: fromEnvelope.detail,
        shouldRetry: retryable,
      };
      expect(fromEnvelope).toMatchObject({ ...same, isContract: true });
      // RFC 9457's `type` is a URI: it comes back as `docUrl`; the category follows from the status, as in the envelope.
      expect(fromProblem).toMatchObject(same);
      expect(isRetryable(fromProblem)).toBe(retryable);
      expect(isRetryable(fromEnvelope)).toBe(retryable);
    },
  );

  it.each(HTTP_ERROR_STATUSES.filter((status) => HTTP_STATUSES[status].codeless))(
    "code-less %i: about:blank comes back as the status's type, as for the envelope",
    async (status) => {
      const [fromEnvelope, fromProblem] = await Promise.all([
        fetch(`${base}/status/${status}`, { headers: ENVELOPE }).then((r) => parseErrorResponse(r)),
        fetch(`${base}/status/${status}`, { headers: PROBLEM }).then((r) => parseErrorResponse(r)),
      ]);
      const want = { status, code: null, type: errorTypeForHttpStatus(status) };
      expect(fromEnvelope).toMatchObject(want);
      expect(fromProblem).toMatchObject({
        ...want,
        retryAfterMs: fromEnvelope.retryAfterMs,
        detail: fromEnvelope.detail,
      });
      expect(isRetryable(fromProblem)).toBe(isRetryable(fromEnvelope));
    },
  );

  it("an unexpected 500 as problem details leaks nothing and stays retryable", async () => {
    const error = await parseErrorResponse(await fetch(`${base}/crash`, { headers: PROBLEM }));
    expect(error).toMatchObject({ status: 500, code: null, type: "server_error" });
    expect(JSON.stringify(error.body)).not.toMatch(/secret|10\.0\.0\.1/);
    expect(isRetryable(error)).toBe(true);
  });

  it.each(ERROR_CODES)("%s through the fetch adapter (Workers, Next, Hono) round-trips the same way", async (code) => {
    const handler = withFetchErrors(async (): Promise<Response> => {
      throw createError(code);
    }, quiet);
    const error = await parseErrorResponse(await handler(new Request("http://127.0.0.1/", { headers: PROBLEM })));
    const { status, type, docUrl } = ERROR_CATALOG[code];
    expect(error).toMatchObject({ status, code, type, docUrl });
  });
});
