import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  dialectErrorType,
  ERROR_CATALOG,
  ERROR_CODES,
  type ErrorCode,
  errorTypeForHttpStatus,
  isRetryableHttpStatus,
} from "@org/error-types";
import { type ContractError, createError, type Dialect, DIALECT_NAMES } from "@org/error-server";
import { sendError, sendSseError, startSse } from "@org/error-server/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiError, isApiError, isRetryable, parseErrorResponse, readSseEvents } from "../src/index.js";

// What @org/error-server writes in each dialect, read back by this package: every code and
// the codeless 401, 429 and 500, plainly and as an error event in a started stream, must give
// the same ApiError (code, status, request id, retryable, doc URL, message, param), and its
// `type` is the dialect's type member (Anthropic's and Google's names, not the contract's).

interface Case {
  name: string;
  code: ErrorCode | null;
  status: number;
  retryable: boolean;
  error: () => ContractError;
}
const CASES: Case[] = [
  ...ERROR_CODES.map((code) => ({
    name: code,
    code,
    status: ERROR_CATALOG[code].status,
    retryable: ERROR_CATALOG[code].retryable,
    error: () => createError(code, { param: "model" }) as ContractError,
  })),
  ...([401, 429, 500] as const).map((status) => ({
    name: `codeless ${status}`,
    code: null,
    status,
    retryable: isRetryableHttpStatus(status),
    error: () => createError(status) as ContractError,
  })),
];
const GRID = DIALECT_NAMES.flatMap((dialect) => CASES.map((c) => ({ dialect, ...c })));

/** The type member of each dialect's body (JSON Pointer-like path into the parsed body). */
const TYPE_AT: Record<Dialect, (body: { error: Record<string, unknown> }) => unknown> = {
  openai: (b) => b.error["type"],
  anthropic: (b) => b.error["type"],
  gemini: (b) => b.error["status"],
};

let server: Server;
let origin = "";
beforeAll(async () => {
  server = createServer((req, res) => {
    const [, form, dialect, name, requestId] = (req.url ?? "").split("/").map(decodeURIComponent) as [
      string,
      string,
      Dialect,
      string,
      string,
    ];
    const c = CASES.find((x) => x.name === name);
    if (c === undefined) return void res.writeHead(404).end();
    if (form === "plain") return sendError(res, c.error(), { dialect, requestId });
    startSse(res, { dialect, requestId });
    sendSseError(res, c.error(), { dialect, requestId });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const url = (form: string, dialect: Dialect, name: string, id: string): string =>
  `${origin}/${[form, dialect, name, id].map(encodeURIComponent).join("/")}`;

/** The error `readSseEvents` throws for the stream (a stream that yields an event instead fails the test). */
async function streamError(response: Response): Promise<ApiError> {
  try {
    for await (const event of readSseEvents(response)) throw new Error(`an event before the error: ${event.data}`);
  } catch (e) {
    if (isApiError(e)) return e;
    throw e;
  }
  throw new Error("the stream ended without an error");
}

/** What every form and dialect must agree on. */
function expectContract(error: ApiError, c: Case, requestId: string): void {
  expect(error).toMatchObject({
    kind: "http",
    code: c.code,
    requestId,
    docUrl: c.code === null ? null : ERROR_CATALOG[c.code].docUrl,
    detail: c.error().message,
    param: c.code === null ? null : "model",
    isContract: true,
  });
  expect(isRetryable(error)).toBe(c.retryable);
}

describe("every dialect the server writes, read back by the client", () => {
  it.each(GRID)("$dialect, plain: $name", async (c) => {
    const id = `rt-${c.dialect}-${c.name}`.replaceAll(" ", "-");
    const response = await fetch(url("plain", c.dialect, c.name, id));
    const body = (await response.clone().json()) as { error: Record<string, unknown> };
    const error = await parseErrorResponse(response);
    expectContract(error, c, id);
    expect(error.status).toBe(c.status);
    expect(error.type).toBe(TYPE_AT[c.dialect](body));
    // ...which is the contract's type in the dialect's names (the generated DIALECTS).
    const type = c.code === null ? errorTypeForHttpStatus(c.status) : ERROR_CATALOG[c.code].type;
    expect(error.type).toBe(dialectErrorType(c.dialect, type, c.status));
  });

  it.each(GRID)("$dialect, error event in a stream: $name", async (c) => {
    const id = `rt-sse-${c.dialect}-${c.name}`.replaceAll(" ", "-");
    const response = await fetch(url("sse", c.dialect, c.name, id));
    expect(response.status).toBe(200);
    const error = await streamError(response);
    expectContract(error, c, id);
    // A started stream's status is its 200: the event cannot change it.
    expect(error.status).toBe(200);
  });
});
