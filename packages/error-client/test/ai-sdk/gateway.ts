import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  type ErrorCode,
  ERROR_CODES,
  codeToHttpStatus,
  isRetryableHttpStatus,
  RETRYABLE_ERROR_CODES,
} from "@org/error-types";
import { createError, type ContractError, sseHeaders } from "@org/error-server";
import { sendError, sendSseError } from "@org/error-server/node";

/** One answer of the gateway: a catalog code, or a codeless status. */
export interface Case {
  name: string;
  code: ErrorCode | null;
  status: number;
  /** What the catalog allows (for a codeless status: the contract's status rule). */
  retryable: boolean;
  error: () => ContractError;
}

// Why `retry-after-ms: 0`: the AI SDK waits 2 s, then 4 s between attempts unless the
// response asks otherwise; it honours this header, so every retry here is immediate.
const FAST = { headers: { "retry-after-ms": "0" } };

/** Every catalog code and the codeless 401, 429 and 500: the 29 cases. */
export const CASES: readonly Case[] = [
  ...ERROR_CODES.map((code) => ({
    name: code,
    code,
    status: codeToHttpStatus(code),
    retryable: (RETRYABLE_ERROR_CODES as readonly string[]).includes(code),
    error: () => createError(code, FAST) as ContractError,
  })),
  ...([401, 429, 500] as const).map((status) => ({
    name: `codeless ${status}`,
    code: null,
    status,
    retryable: isRetryableHttpStatus(status),
    error: () => createError(status, FAST) as ContractError,
  })),
];

/** How the gateway answers: an error response, an error as the first event of a 200 stream, or after some text. */
export type Mode = "plain" | "stream" | "mid";
export type Dialect = "openai" | "anthropic";

/** The text events a provider of `dialect` reads before the error, in `mid` mode. */
const TEXT_EVENTS: Record<Dialect, string> = {
  openai: `data: ${JSON.stringify({ id: "c1", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta: { role: "assistant", content: "Hel" }, finish_reason: null }] })}\n\n`,
  anthropic: [
    `event: message_start\ndata: ${JSON.stringify({ type: "message_start", message: { id: "m1", type: "message", role: "assistant", model: "m", content: [], stop_reason: null, usage: { input_tokens: 1, output_tokens: 0 } } })}\n\n`,
    `event: content_block_start\ndata: ${JSON.stringify({ type: "content_block_start", index: 0, content_block: { type: "text", text: "" } })}\n\n`,
    `event: content_block_delta\ndata: ${JSON.stringify({ type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "Hel" } })}\n\n`,
  ].join(""),
};

export interface Gateway {
  /** The base URL of a route answering `mode` / `dialect` / case `name`; `client` keeps each client's count apart. */
  base(mode: Mode, dialect: Dialect, name: string, client: string): string;
  /** Requests the route got, and the request id of the last one. */
  seen(mode: Mode, dialect: Dialect, name: string, client: string): { requests: number; lastRequestId: string | null };
  close(): Promise<void>;
}

/** A gateway built with @org/error-server on 127.0.0.1 (ephemeral port) that fails every call as its route says. */
export async function startGateway(): Promise<Gateway> {
  const seen = new Map<string, { requests: number; lastRequestId: string | null }>();
  let counter = 0;
  const answer = (req: IncomingMessage, res: ServerResponse): void => {
    const [, client, mode, dialect, name] = (req.url ?? "").split("/").map(decodeURIComponent) as [
      string,
      string,
      Mode,
      Dialect,
      string,
    ];
    const key = `${client}/${mode}/${dialect}/${name}`;
    const requestId = `req_${++counter}`;
    const entry = seen.get(key) ?? { requests: 0, lastRequestId: null };
    seen.set(key, { requests: entry.requests + 1, lastRequestId: requestId });
    const c = CASES.find((x) => x.name === name);
    if (c === undefined) return void res.writeHead(404, { "content-type": "text/plain" }).end(`no case ${name}`);
    // Each route answers in its surface's dialect, as the gateway would on /v1/messages.
    if (mode === "plain") return sendError(res, c.error(), { requestId, dialect });
    res.writeHead(200, { ...sseHeaders({ dialect, requestId }), ...FAST.headers });
    if (mode === "mid") res.write(TEXT_EVENTS[dialect]);
    sendSseError(res, c.error(), { requestId, dialect });
  };
  const server = createServer((req, res) => {
    // The request body is read to its end before answering, as a real gateway does.
    req.resume();
    req.on("end", () => answer(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const path = (mode: Mode, dialect: Dialect, name: string, client: string): string =>
    [client, mode, dialect, name].map(encodeURIComponent).join("/");
  return {
    base: (...route) => `${origin}/${path(...route)}/v1`,
    seen: (mode, dialect, name, client) =>
      seen.get(`${client}/${mode}/${dialect}/${name}`) ?? { requests: 0, lastRequestId: null },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
