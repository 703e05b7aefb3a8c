import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createError, toFetchResponse } from "@org/error-server";
import { sendError } from "@org/error-server/node";
import { ERROR_CATALOG, ERROR_CODES, type ErrorCode } from "@org/error-types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isRetryable, parseErrorResponse } from "../src/index.js";

// The service side: /code/<code> answers createError(code); /status/<n> a code-less error; /crash a bug.
let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const [, kind, value = ""] = (req.url ?? "").split("/");
    const quiet = { onError: () => undefined };
    if (kind === "code") sendError(res, createError(decodeURIComponent(value) as ErrorCode), quiet);
    else if (kind === "status")
      sendError(res, createError(Number(value) as 401, undefined, value === "429" ? { retryAfter: 7 } : {}), quiet);
    else sendError(res, new TypeError("secret at http://10.0.0.1/internal"), quiet);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));

describe("@org/error-server's responses, parsed by this package", () => {
  it.each(ERROR_CODES.map((code) => ({ code, ...ERROR_CATALOG[code] })))(
    "$code: $status $type, retryable $retryable",
    async ({ code, status, type, retryable }) => {
      const response = await fetch(`${base}/code/${encodeURIComponent(code)}`, {
        headers: { "x-request-id": `rt-${code}` },
      });
      const error = await parseErrorResponse(response);
      expect(error).toMatchObject({
        kind: "http",
        status,
        code,
        rawCode: code,
        type,
        isContract: true,
        requestId: `rt-${code}`,
      });
      expect(isRetryable(error)).toBe(retryable);
      // The server says so in its header too, so the decision holds even for clients that ignore codes.
      expect(error.shouldRetry).toBe(retryable);
    },
  );

  it.each(ERROR_CODES)("%s through toFetchResponse (Workers, Deno, Bun) gives the same", async (code) => {
    const error = await parseErrorResponse(toFetchResponse(createError(code)));
    const { status, type, retryable } = ERROR_CATALOG[code];
    expect(error).toMatchObject({ status, code, type, isContract: true });
    expect(isRetryable(error)).toBe(retryable);
  });

  it.each([
    {
      path: "/status/401",
      want: { status: 401, code: null, type: "authentication_error", isContract: true },
      retryable: false,
    },
    { path: "/status/404", want: { status: 404, code: null, type: "not_found_error" }, retryable: false },
    {
      path: "/status/429",
      want: { status: 429, code: null, type: "rate_limit_error", retryAfterMs: 7000 },
      retryable: true,
    },
    { path: "/crash", want: { status: 500, code: null, type: "server_error", isContract: true }, retryable: true },
  ])("code-less $path", async ({ path, want, retryable }) => {
    const error = await parseErrorResponse(await fetch(`${base}${path}`));
    expect(error).toMatchObject(want);
    expect(isRetryable(error)).toBe(retryable);
    expect(error.message).not.toMatch(/secret|10\.0\.0\.1/);
  });
});
