import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import express from "express";
import Fastify from "fastify";
import { Hono } from "hono";
import { errorHandler as expressErrorHandler } from "../../src/adapters/express/index.js";
import { contractErrors } from "../../src/adapters/fastify/index.js";
import { honoErrorHandler, withErrorHandling as withFetchHandling } from "../../src/adapters/fetch/index.js";
import { withErrorHandling } from "../../src/adapters/node/index.js";
import type { AdapterOptions } from "../../src/index.js";
import { listen, type Running, serveFetch, serveNode } from "./http.js";

/** A route body: sets headers its own way (`how`), then fails with what `fail` returns. */
export interface Scenario {
  /** Headers the handler sets before it throws. */
  headers: Record<string, string>;
  /** The error it throws. */
  fail: () => unknown;
}

/** Every adapter, each serving GET /* with `scenario(request path)`, over real HTTP on 127.0.0.1. */
export type AdapterName = "node" | "node-writeHead" | "express" | "fastify" | "fastify-raw" | "hono";

/** Starts one adapter's server whose only route runs the scenario named by the path. */
export async function serveAdapter(
  name: AdapterName,
  pick: (path: string) => Scenario,
  options: AdapterOptions<never> = {},
): Promise<Running> {
  const opts = options as AdapterOptions<unknown>;
  switch (name) {
    case "node":
    case "node-writeHead":
      return serveNode(
        withErrorHandling((req: IncomingMessage, res: ServerResponse) => {
          const { headers, fail } = pick(req.url ?? "/");
          if (name === "node") for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
          else res.writeHead(200, headers);
          throw fail();
        }, opts),
      );
    case "express": {
      const app = express();
      app.get("/{*rest}", (req, res) => {
        const { headers, fail } = pick(req.originalUrl);
        res.status(200).set(headers);
        throw fail();
      });
      app.use(expressErrorHandler(opts));
      return listen(createServer(app));
    }
    case "fastify":
    case "fastify-raw": {
      const app = Fastify();
      await app.register(contractErrors, opts);
      app.get("/*", async (request, reply) => {
        const { headers, fail } = pick(request.url);
        if (name === "fastify") reply.headers(headers);
        else for (const [k, v] of Object.entries(headers)) reply.raw.setHeader(k, v);
        throw fail();
      });
      const url = await app.listen({ port: 0, host: "127.0.0.1" });
      return { url, close: () => app.close() };
    }
    case "hono": {
      const app = new Hono();
      app.onError(honoErrorHandler(opts));
      // Middleware, as most apps have: Hono then merges c.header() headers into the error response.
      app.use(async (_c, next) => {
        await next();
      });
      app.get("*", (c) => {
        const { headers, fail } = pick(new URL(c.req.url).pathname);
        for (const [k, v] of Object.entries(headers)) c.header(k, v);
        throw fail();
      });
      return serveFetch(withFetchHandling(app.fetch, opts));
    }
  }
}

export const ADAPTERS: readonly AdapterName[] = ["node", "node-writeHead", "express", "fastify", "fastify-raw", "hono"];
