/**
 * One app per adapter and option set, built on the BUILT package (dist, through its
 * `exports`), listening on 127.0.0.1:0. Each serves `/ping` (the pipelined sentinel) and
 * `/case`, which performs the current plan; each sets CORS headers for a request with an
 * `Origin` the way its ecosystem does (Hono's and Nest's own cors, the `cors` package's
 * steps by hand elsewhere).
 */
import { createServer as createHttp1, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttp2, type Http2Server, type Http2ServerResponse } from "node:http2";
import type { AddressInfo } from "node:net";
import { withErrorHandling as withNodeErrors } from "@org/error-server/node";
import { errorHandler as expressErrorHandler } from "@org/error-server/express";
import { contractErrors } from "@org/error-server/fastify";
import { honoErrorHandler, withErrorHandling as withFetchErrors } from "@org/error-server/fetch";
import express from "express";
import Fastify from "fastify";
import { Hono } from "hono";
import { cors } from "hono/cors";
import { requestId } from "hono/request-id";
import { act } from "./act.js";
import { appOptions, currentPlan, sseOptions } from "./context.js";
import { fetchServer } from "./fetch-bridge.js";
import { startNest } from "./nest-app.js";
import type { Adapter } from "./plan.js";
import { expressSurface, fastifySurface, honoSurface, nodeSurface } from "./surfaces.js";
import { materialize } from "./thrown.js";
import { inRequestSpan, withRequestSpan } from "./tracing.js";

/** A running app: where it listens and how to stop it. */
export interface App {
  port: number;
  close(): Promise<void>;
}

const ORIGIN_HEADERS = (origin: string): Record<string, string> => ({
  "access-control-allow-origin": origin,
  "access-control-allow-credentials": "true",
});

function pong(res: ServerResponse | Http2ServerResponse): void {
  (res as ServerResponse).writeHead(200, { "content-type": "text/plain", "content-length": "4" }).end("pong");
}

/** The node:http / http2 request listener: CORS by hand, then the plan. */
function nodeListener(adapter: Adapter, withHook: boolean) {
  const run = withNodeErrors((req: IncomingMessage, res: ServerResponse) => {
    const origin = req.headers.origin;
    if (origin !== undefined) {
      for (const [k, v] of Object.entries(ORIGIN_HEADERS(origin))) res.setHeader(k, v);
      res.setHeader("vary", "Origin");
    }
    const plan = currentPlan();
    act(plan.before, nodeSurface(res, sseOptions(withHook)), materialize(plan.thrown, adapter));
  }, appOptions(withHook));
  return (req: IncomingMessage, res: ServerResponse): void =>
    req.url === "/ping" ? pong(res) : inRequestSpan(() => run(req, res));
}

/** Starts `server` on 127.0.0.1:0; its close also ends open connections. */
export async function listen(server: Server | Http2Server): Promise<App> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // http2 servers have no such method: their sessions end with close().
        if ("closeAllConnections" in server) server.closeAllConnections();
      }),
  };
}

function expressApp(withHook: boolean): Server {
  const app = express();
  app.use((_req, _res, next) => inRequestSpan(next));
  app.use((req, res, next) => {
    // What the cors package does for a simple request.
    if (req.headers.origin !== undefined) {
      res.vary("Origin");
      res.set(ORIGIN_HEADERS(req.headers.origin));
    }
    next();
  });
  app.get("/ping", (_req, res) => void res.type("text/plain").send("pong"));
  app.all("/case", (_req, res) => {
    const plan = currentPlan();
    act(plan.before, expressSurface(res, sseOptions(withHook)), materialize(plan.thrown, "express"));
  });
  app.use(expressErrorHandler(appOptions(withHook)));
  return createHttp1(app);
}

async function fastifyApp(withHook: boolean): Promise<App> {
  const app = Fastify();
  await app.register(contractErrors, appOptions(withHook));
  app.addHook("onRequest", (_request, _reply, done) => withRequestSpan(done));
  app.addHook("onRequest", (request, reply, done) => {
    // What @fastify/cors does for a simple request.
    if (request.headers.origin !== undefined)
      reply.headers({ ...ORIGIN_HEADERS(request.headers.origin), vary: "Origin" });
    done();
  });
  app.get("/ping", (_request, reply) => reply.type("text/plain").send("pong"));
  app.all("/case", async (_request, reply) => {
    const plan = currentPlan();
    act(plan.before, fastifySurface(reply, sseOptions(withHook)), materialize(plan.thrown, "fastify"));
    return reply;
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  return { port: (app.server.address() as AddressInfo).port, close: () => app.close() };
}

function honoApp(withHook: boolean): Server {
  const app = new Hono();
  if (!withHook) app.use(requestId());
  app.use(cors({ origin: (origin) => origin, credentials: true }));
  app.onError(honoErrorHandler(appOptions(withHook)));
  app.get("/ping", (c) => c.text("pong"));
  app.all("/case", (c) => {
    const plan = currentPlan();
    act(plan.before, honoSurface(c), materialize(plan.thrown, "hono"));
    return c.text("unreachable");
  });
  // Non-Errors leave app.fetch (Hono's compose rethrows them): the wrapper answers those.
  return fetchServer(withFetchErrors(app.fetch, appOptions(withHook)));
}

/** Starts the app of `adapter`; `withHook` builds it with `getRequestId`. */
export async function startApp(adapter: Adapter, withHook: boolean): Promise<App> {
  switch (adapter) {
    case "node":
      return listen(createHttp1(nodeListener(adapter, withHook)));
    case "http2":
      return listen(createHttp2(nodeListener(adapter, withHook) as never));
    case "express":
      return listen(expressApp(withHook));
    case "fastify":
      return fastifyApp(withHook);
    case "hono":
      return listen(honoApp(withHook));
    case "nest":
      return startNest(withHook);
  }
}
