/**
 * The demo service: a tiny "LLM gateway" on node:http whose routes fail in the ways real
 * gateways do. Every error is answered by @org/error-server (status, envelope, headers).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createError, toErrorResponse } from "@org/error-server";
import { sendError as sendContractError, sendSseError } from "@org/error-server/node";

type Route = (req: IncomingMessage, res: ServerResponse, call: number) => void;

// The gateway gives every request an id (a client's own x-request-id is kept): it goes into
// the x-request-id header and, since contract 1.1, into the error body as request_id.
const requestIds = new WeakMap<ServerResponse, string>();
const idOf = (res: ServerResponse): string | undefined => requestIds.get(res);
const sendError = (res: ServerResponse, error: unknown, options?: { onError?: () => void }): void =>
  sendContractError(res, error, { ...options, requestId: idOf(res) });

// With its content-length, as gateways send small JSON: the client checks a 2xx body of
// known, small length for an error envelope (it never waits on a chunked one).
const ok = (res: ServerResponse, body: unknown): void => {
  const json = JSON.stringify(body);
  res
    .writeHead(200, { "content-type": "application/json", "content-length": String(Buffer.byteLength(json)) })
    .end(json);
};

// An upstream proxy's page, the kind no JSON parser expects.
const NGINX_502 =
  "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";

/** Each route, by path. `call` counts the requests the route has had (1 for the first). */
export const ROUTES: Record<string, Route> = {
  "/v1/models/gpt-9": (_req, res) => sendError(res, createError("model_not_found", "The model gpt-9 does not exist")),
  "/v1/chat/no-channel-twice": (_req, res, call) =>
    call <= 2 ? sendError(res, createError("get_channel_failed")) : ok(res, { reply: "hello" }),
  "/v1/chat/rate-limited": (_req, res, call) =>
    call === 1 ? sendError(res, createError(429, "Slow down", { retryAfter: 1 })) : ok(res, { reply: "hello" }),
  "/v1/chat/quota": (_req, res) => sendError(res, createError("insufficient_user_quota")),
  // A 500 that no retry can fix: the server says `x-should-retry: false`, and the client obeys.
  "/v1/chat/price": (_req, res) => sendError(res, createError("model_price_error")),
  // A bug: the secret and the internal URL stay in the server's log, never in the body.
  "/v1/chat/bug": (_req, res) =>
    sendError(res, new TypeError("cannot read 'choices' of undefined at http://10.0.0.7/internal?key=sk-live-123"), {
      onError: () => undefined,
    }),
  // Some gateways answer 200 with an error envelope inside.
  "/v1/chat/error-in-200": (_req, res, call) => {
    if (call > 1) return ok(res, { reply: "hello" });
    const { body } = toErrorResponse(createError("channel:no_available_key"), { requestId: idOf(res) });
    ok(res, body);
  },
  "/v1/chat/behind-proxy": (_req, res, call) => {
    if (call > 1) return ok(res, { reply: "hello" });
    res.writeHead(502, { "content-type": "text/html" }).end(NGINX_502);
  },
  // A stream that fails midway: the status (200) is sent, so the error arrives as an SSE
  // event (sendSseError) carrying code, request id and retryability, and the stream ends.
  "/v1/chat/stream": (_req, res) => {
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.write(`data: ${JSON.stringify({ choices: [{ delta: { content: "Hel" } }] })}\n\n`);
    res.write(`data: ${JSON.stringify({ choices: [{ delta: { content: "lo" } }] })}\n\n`);
    sendSseError(res, createError("channel:response_time_exceeded"), { requestId: idOf(res) });
  },
};

/** Starts the service on 127.0.0.1 (an ephemeral port); returns its base URL and a stop function. */
export async function startService(): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const calls = new Map<string, number>();
  let served = 0;
  const server: Server = createServer((req, res) => {
    const incoming = req.headers["x-request-id"];
    requestIds.set(res, typeof incoming === "string" ? incoming : `req_${String(++served).padStart(4, "0")}`);
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const route = ROUTES[path];
    if (!route) return sendError(res, createError(404, `No route ${path}`));
    const call = (calls.get(path) ?? 0) + 1;
    calls.set(path, call);
    route(req, res, call);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
