import "reflect-metadata";
import { Controller, Get, Module, Param } from "@nestjs/common";
import { NestFactory } from "@nestjs/core";
import { context, trace, type Tracer } from "@opentelemetry/api";
import { isErrorCode } from "@org/error-types";
import express from "express";
import Fastify from "fastify";
import { Hono } from "hono";
import type { AddressInfo } from "node:net";
import { createServer } from "node:http";
import {
  errorHandler as expressErrorHandler,
  notFoundHandler as expressNotFound,
} from "../../src/adapters/express/index.js";
import { contractErrors } from "../../src/adapters/fastify/index.js";
import {
  honoErrorHandler,
  honoNotFoundHandler,
  withErrorHandling as withFetchErrors,
} from "../../src/adapters/fetch/index.js";
import { ContractExceptionFilter } from "../../src/adapters/nestjs/index.js";
import { sendNotFound, withErrorHandling as withNodeErrors } from "../../src/adapters/node/index.js";
import { type CodelessStatus, createError } from "../../src/index.js";
import { listen, type Running, serveFetch } from "./http.js";

/** The message of the unexpected error every server throws on /boom: it must reach no body. */
export const SECRET = "db 10.0.0.7 password=hunter2";

/** What every route of every test server does: /code/<code or status> throws it, /boom throws a bug. */
function fail(what: string): never {
  if (what === "boom") throw new TypeError(SECRET);
  if (isErrorCode(what)) throw createError(what);
  throw createError(Number(what) as CodelessStatus);
}

const quiet = { onError: () => undefined };
export const ADAPTERS = ["node", "fetch", "express", "fastify", "nestjs"] as const;
export type AdapterName = (typeof ADAPTERS)[number];

@Controller()
class FailController {
  @Get("code/:what") code(@Param("what") what: string): never {
    fail(what);
  }
  @Get("boom") boom(): never {
    fail("boom");
  }
}
@Module({ controllers: [FailController] })
class FailModule {}

/**
 * Starts a server of adapter `name` on 127.0.0.1:0 that fails as `fail` says. With a
 * tracer, each request runs in an active span named "server" (as HTTP instrumentation does).
 */
export async function startAdapter(name: AdapterName, tracer?: Tracer): Promise<Running> {
  switch (name) {
    case "node": {
      const handler = withNodeErrors((req, res) => {
        const match = /^\/(?:code\/([^/?]+)|(boom))$/.exec(req.url ?? "");
        if (match) fail(decodeURIComponent(match[1] ?? "boom"));
        sendNotFound(res);
      }, quiet);
      return listen(
        createServer((req, res) =>
          tracer
            ? tracer.startActiveSpan("server", (span) => (res.on("finish", () => span.end()), handler(req, res)))
            : handler(req, res),
        ),
      );
    }
    case "fetch": {
      const app = new Hono();
      app.onError(honoErrorHandler(quiet));
      app.notFound(honoNotFoundHandler(quiet));
      app.get("/code/:what", (c) => fail(c.req.param("what")));
      app.get("/boom", () => fail("boom"));
      const wrapped = withFetchErrors(app.fetch, quiet);
      return serveFetch((request) =>
        tracer
          ? tracer.startActiveSpan("server", (span) => wrapped(request).finally(() => span.end()))
          : wrapped(request),
      );
    }
    case "express": {
      const app = express();
      if (tracer)
        app.use((_req, res, next) =>
          tracer.startActiveSpan("server", (span) => (res.on("finish", () => span.end()), next())),
        );
      app.get("/code/:what", (req) => fail(req.params.what));
      app.get("/boom", () => fail("boom"));
      app.use(expressNotFound(quiet));
      app.use(expressErrorHandler(quiet));
      return listen(createServer(app));
    }
    case "fastify": {
      const app = Fastify();
      if (tracer) {
        app.addHook("onRequest", (_request, reply, done) => {
          const span = tracer.startSpan("server");
          reply.raw.on("finish", () => span.end());
          context.with(trace.setSpan(context.active(), span), done);
        });
      }
      await app.register(contractErrors, quiet);
      app.get<{ Params: { what: string } }>("/code/:what", (request) => fail(request.params.what));
      app.get("/boom", () => fail("boom"));
      await app.listen({ port: 0, host: "127.0.0.1" });
      return { url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, close: () => app.close() };
    }
    case "nestjs": {
      const app = await NestFactory.create(FailModule, { logger: false, forceCloseConnections: true });
      if (tracer)
        app.use((_req: unknown, res: { on(e: string, f: () => void): void }, next: () => void) =>
          tracer.startActiveSpan("server", (span) => (res.on("finish", () => span.end()), next())),
        );
      app.useGlobalFilters(new ContractExceptionFilter(quiet));
      await app.listen(0, "127.0.0.1");
      const { port } = app.getHttpServer().address() as AddressInfo;
      return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
    }
  }
}
