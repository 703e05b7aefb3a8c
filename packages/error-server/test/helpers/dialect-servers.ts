/**
 * One server per adapter whose routes answer in a dialect chosen per route by the adapter's
 * `dialect` function (the first path segment: `/anthropic/...`): `/<dialect>/plain/<what>`
 * throws `what` (a code, a codeless status, or `boom`), `/<dialect>/sse/<what>` starts an
 * event stream in that dialect, sends one event and reports `what` inside it. `/ping`
 * answers the strict reader's sentinel.
 */
import "reflect-metadata";
import { createServer as createHttp1, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createHttp2, type Http2ServerRequest, type Http2ServerResponse } from "node:http2";
import type { AddressInfo } from "node:net";
import { Controller, Get, Module, Param, Req, Res } from "@nestjs/common";
import { NestFactory } from "@nestjs/core";
import { isErrorCode } from "@org/error-types";
import express from "express";
import Fastify from "fastify";
import { Hono } from "hono";
import { errorHandler as expressErrorHandler } from "../../src/adapters/express/index.js";
import { contractErrors } from "../../src/adapters/fastify/index.js";
import { honoErrorHandler, sseResponse } from "../../src/adapters/fetch/index.js";
import { ContractExceptionFilter } from "../../src/adapters/nestjs/index.js";
import { sendSseError, startSse, withErrorHandling } from "../../src/adapters/node/index.js";
import { type CodelessStatus, createError, sseErrorEvent } from "../../src/index.js";
import { listen as listenH1 } from "./http.js";
import { dialectOfPath } from "./dialect-reader.js";

/** The adapters the dialect tables run on. */
export const DIALECT_ADAPTERS = ["node", "http2", "express", "fastify", "hono", "nestjs"] as const;
export type DialectAdapter = (typeof DIALECT_ADAPTERS)[number];

/** A running server: its port and protocol, and how to stop it. */
export interface DialectServer {
  port: number;
  h2: boolean;
  close(): Promise<void>;
}

/** The first event of every stream, before the failure. */
export const FIRST_EVENT = 'data: {"n":1}\n\n';

/** What `what` stands for: a ContractError of a code or codeless status, or a bug. */
export function thrownFor(what: string): unknown {
  if (what === "boom") return new TypeError("db 10.0.0.7 password=hunter2");
  if (isErrorCode(what)) return createError(what);
  return createError(Number(what) as CodelessStatus);
}

const quiet = { onError: () => undefined };
// The per-route dialect: a function of the request, as a service with several surfaces writes it.
const byPath = (url: string | undefined) => dialectOfPath(new URL(url ?? "/", "http://x").pathname);
const nodeOptions = { ...quiet, dialect: (req: { url?: string | undefined }) => byPath(req.url) };

/** The parts of a route's path: dialect, form, what to fail with. */
function route(url: string | undefined): { form: string; what: string } | undefined {
  const match = /^\/[a-z]+\/(plain|sse)\/([^/?]+)$/.exec(url ?? "");
  return match ? { form: match[1] as string, what: decodeURIComponent(match[2] as string) } : undefined;
}

function pong(res: ServerResponse | Http2ServerResponse): void {
  (res as ServerResponse).writeHead(200, { "content-type": "text/plain", "content-length": "4" }).end("pong");
}

/** node:http, http2, Express and Nest (one response API): the route's plain failure or stream. */
function serveNode(req: { url?: string | undefined }, res: ServerResponse | Http2ServerResponse): void {
  if (req.url === "/ping") return pong(res);
  const r = route(req.url);
  if (r === undefined) throw createError(404, "no such route");
  if (r.form === "plain") throw thrownFor(r.what);
  const dialect = byPath(req.url);
  startSse(res, { dialect });
  (res as ServerResponse).write(FIRST_EVENT);
  sendSseError(res, thrownFor(r.what), { ...quiet, dialect });
}

async function nestServer(): Promise<DialectServer> {
  @Controller()
  class DialectController {
    @Get("ping") ping(): string {
      return "pong";
    }
    @Get(":dialect/:form/:what") run(
      @Req() req: IncomingMessage,
      @Res() res: ServerResponse,
      @Param("form") _form: string,
    ): void {
      serveNode(req, res);
    }
  }
  @Module({ controllers: [DialectController] })
  class DialectModule {}
  const app = await NestFactory.create(DialectModule, { logger: false, forceCloseConnections: true });
  app.useGlobalFilters(new ContractExceptionFilter(nodeOptions));
  await app.listen(0, "127.0.0.1");
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { port, h2: false, close: () => app.close() };
}

async function fastifyServer(): Promise<DialectServer> {
  const app = Fastify();
  await app.register(contractErrors, { ...quiet, dialect: (request) => byPath(request.url) });
  app.get("/ping", (_request, reply) => reply.type("text/plain").send("pong"));
  app.get("/:dialect/:form/:what", (request, reply) => {
    const r = route(request.url) as { form: string; what: string };
    // A plain failure goes to the plugin's error handler; a stream is the route's own (hijacked).
    if (r.form === "plain") throw thrownFor(r.what);
    reply.hijack();
    serveNode(request.raw, reply.raw);
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  return { port: (app.server.address() as AddressInfo).port, h2: false, close: () => app.close() };
}

function honoServer(): Promise<DialectServer> {
  const app = new Hono();
  app.onError(honoErrorHandler({ ...quiet, dialect: (request) => byPath(request.url) }));
  app.get("/ping", (c) => c.text("pong"));
  app.get("/:dialect/:form/:what", (c) => {
    const r = route(new URL(c.req.url).pathname) as { form: string; what: string };
    if (r.form === "plain") throw thrownFor(r.what);
    const dialect = byPath(c.req.url);
    const requestId = c.req.header("x-request-id");
    const stream = new ReadableStream<string>({
      start(controller) {
        controller.enqueue(FIRST_EVENT);
        controller.enqueue(sseErrorEvent(thrownFor(r.what), { ...quiet, dialect, requestId }));
        controller.close();
      },
    }).pipeThrough(new TextEncoderStream());
    return sseResponse(stream, c.req.raw, { dialect });
  });
  return listenFetch(app.fetch);
}

/** Hono over node:http, streaming the Response's body as it comes. */
async function listenFetch(handler: (request: Request) => Response | Promise<Response>): Promise<DialectServer> {
  const server = createHttp1((req, res) => {
    const headers = new Headers();
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
    void (async () => {
      const response = await handler(new Request(`http://127.0.0.1${req.url ?? "/"}`, { headers }));
      res.writeHead(response.status, Object.fromEntries(response.headers));
      for await (const chunk of (response.body ?? []) as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
      res.end();
    })().catch(() => res.destroy());
  });
  const running = await listenH1(server);
  return { port: Number(new URL(running.url).port), h2: false, close: running.close };
}

/** Starts the dialect server of `adapter` on 127.0.0.1:0. */
export async function startDialectServer(adapter: DialectAdapter): Promise<DialectServer> {
  const listener = withErrorHandling(serveNode, nodeOptions);
  switch (adapter) {
    case "node": {
      const running = await listenH1(createHttp1(listener));
      return { port: Number(new URL(running.url).port), h2: false, close: running.close };
    }
    case "http2": {
      const server = createHttp2((req: Http2ServerRequest, res: Http2ServerResponse) => listener(req, res));
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      return {
        port: (server.address() as AddressInfo).port,
        h2: true,
        close: () => new Promise<void>((resolve) => server.close(() => resolve())),
      };
    }
    case "express": {
      const app = express();
      app.get("/ping", (_req, res) => void res.type("text/plain").send("pong"));
      app.get("/:dialect/:form/:what", (req, res) => serveNode(req, res));
      app.use(expressErrorHandler({ ...quiet, dialect: (req) => byPath(req.originalUrl ?? req.url) }));
      const running = await listenH1(createHttp1(app));
      return { port: Number(new URL(running.url).port), h2: false, close: running.close };
    }
    case "fastify":
      return fastifyServer();
    case "hono":
      return honoServer();
    case "nestjs":
      return nestServer();
  }
}
