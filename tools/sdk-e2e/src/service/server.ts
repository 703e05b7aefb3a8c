/**
 * The service the SDKs talk to: node:http on 127.0.0.1 (ephemeral port), built from
 * `@org/error-server`. Every request path starts with a per-call prefix (`/k/<key>`) that
 * names the case to answer, so calls run concurrently against one server and each call's
 * requests are counted on their own. The route after the prefix picks the surface, and the
 * surface picks the dialect (the adapter's per-route `dialect` function).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createError, type ContractError } from "@org/error-server";
import { readJsonBody, sendSseError, startSse, withErrorHandling } from "@org/error-server/node";
import type { MatrixCase, Mode } from "../cases.js";
import { routeOf, streamPrelude, wantsStream } from "./surfaces.js";

/** What the service saw for one call's prefix. */
export interface CallLog {
  /** The request ids it answered with, in order (one per request the SDK sent). */
  readonly requestIds: string[];
  /** Whether each request asked for a stream. */
  readonly modes: Mode[];
}

/** A running service. */
export interface Service {
  /** Registers one call of `matrixCase`: its base URL (origin + prefix) and its log. */
  register(matrixCase: MatrixCase): { readonly baseUrl: string; readonly log: CallLog };
  /** Stops the server and ends every open connection. */
  close(): Promise<void>;
}

// Why `retry-after-ms`: the SDKs at their default retry settings wait 0.5-8 s between attempts
// unless the answer says how long; 1 ms keeps the 800-call run bounded and is honoured by
// openai, @anthropic-ai/sdk (which ignores 0) and the AI SDK. It says nothing about whether
// to retry: that stays `x-should-retry`, the status and each SDK's own rules.
const FAST_RETRY = { "retry-after-ms": "1" } as const;

/** The contract error of `matrixCase`, as a handler throws it. */
export function errorOf(matrixCase: MatrixCase): ContractError {
  return matrixCase.code === null
    ? createError(matrixCase.status as 401 | 429 | 500, { headers: FAST_RETRY })
    : createError(matrixCase.code, { headers: FAST_RETRY });
}

const PREFIX = /^\/k\/([a-z0-9]+)(\/[^?]*)/;

/** Starts the service; stop it with `close()` (also when a test fails). */
export async function startService(): Promise<Service> {
  const calls = new Map<string, { readonly matrixCase: MatrixCase; readonly log: CallLog }>();
  const ids = new WeakMap<IncomingMessage, string>();
  const routeFor = (req: IncomingMessage) => routeOf(PREFIX.exec(req.url ?? "")?.[2] ?? "");

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = PREFIX.exec(req.url ?? "");
    const call = match ? calls.get(match[1] ?? "") : undefined;
    const route = routeFor(req);
    if (call === undefined || route === undefined) throw createError(404);
    const requestId = `req_${match?.[1] ?? ""}_${call.log.requestIds.length + 1}`;
    ids.set(req, requestId);
    call.log.requestIds.push(requestId);
    const body = await readJsonBody(req);
    const stream = wantsStream(route, body);
    call.log.modes.push(stream ? "stream" : "plain");
    const error = errorOf(call.matrixCase);
    if (!stream) throw error;
    // The stream's 200 carries the request id under the dialect's header(s), where SDKs read it.
    startSse(res, { dialect: route.surface, requestId });
    res.write(streamPrelude(route.surface));
    sendSseError(res, error, { requestId, dialect: route.surface, onError: () => undefined });
  }

  const server = createServer(
    withErrorHandling(handle, {
      getRequestId: (req) => ids.get(req as IncomingMessage),
      // Per route: each surface's clients expect its own error shape.
      dialect: (req) => routeFor(req as IncomingMessage)?.surface ?? "openai",
      // The errors are the test's own: nothing to log.
      onError: () => undefined,
    }),
  );
  // Idle keep-alive sockets of the SDKs' agents must not hold close() open.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  let next = 0;
  return {
    register(matrixCase) {
      const key = `c${(next++).toString(36)}`;
      const log: CallLog = { requestIds: [], modes: [] };
      calls.set(key, { matrixCase, log });
      return { baseUrl: `http://127.0.0.1:${port}/k/${key}`, log };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
