/**
 * Each framework's APIs for the steps of a plan. `api` indexes: node/http2 0 setHeader,
 * 1 appendHeader, 2 writeHead's object; Express/Nest 0 res.set/res.vary/res.location,
 * 1 res.append, 2 writeHead's object; Fastify 0 reply.header, 1 reply.headers, 2
 * reply.raw.setHeader; Hono 0 c.header, 1 c.header(..., { append: true }).
 */
import type { ServerResponse } from "node:http";
import type { Http2ServerResponse } from "node:http2";
import { sendSseError } from "@org/error-server/node";
import type { Response as ExpressResponse } from "express";
import type { FastifyReply } from "fastify";
import type { Context } from "hono";
import type { HeadValue, Surface } from "./act.js";
import type { StatusStep } from "./plan.js";

type NodeRes = ServerResponse | Http2ServerResponse;

/** Appending APIs are used for the list-valued headers only: two lines of a single-value one is the app's bug. */
const appends = (api: number, name: string): boolean => api === 1 && (name === "vary" || name === "set-cookie");
type SseOptions = Parameters<typeof sendSseError>[2];

function raw(res: NodeRes): ServerResponse {
  return res as ServerResponse;
}

/** node:http, the http2 compatibility API, and the shared part of Express and Nest. */
export function nodeSurface(res: NodeRes, sse: SseOptions): Surface {
  const r = raw(res);
  return {
    writeHeadApi: 2,
    header: (h, value) => void (appends(h.api, h.name) ? r.appendHeader(h.name, h.value) : r.setHeader(h.name, value)),
    status: (step, head) => statusOn(r, step, head),
    statusMessage: (text) => void (r.statusMessage = text),
    write: (chunk) => void r.write(chunk),
    sseStart: () => {
      r.setHeader("content-type", "text/event-stream");
      r.statusCode = 200;
      r.flushHeaders();
    },
    sse: (error) => sendSseError(res, error, sse),
    destroy: () => void r.destroy(),
  };
}

function statusOn(r: ServerResponse, step: StatusStep, head: Record<string, HeadValue>): void {
  const hasHead = Object.keys(head).length > 0;
  if (step.how === "staged" && !hasHead) r.statusCode = step.code;
  else r.writeHead(step.code, head);
  if (step.how === "flushed") r.flushHeaders();
}

/** Express's response API (Nest's platform-express hands the same object to @Res()). */
export function expressSurface(res: ExpressResponse, sse: SseOptions): Surface {
  const base = nodeSurface(res, sse);
  return {
    ...base,
    header: (h, value) => {
      if (appends(h.api, h.name)) res.append(h.name, h.value);
      else if (h.name === "vary") res.vary(h.value);
      else if (h.name === "location") res.location(h.value);
      else res.set(h.name, value);
    },
    status: (step, head) => {
      if (step.how === "staged" && Object.keys(head).length === 0) res.status(step.code);
      else statusOn(res, step, head);
      if (step.how === "flushed") res.flushHeaders();
    },
  };
}

/** Fastify's reply API; the stream steps go to the raw response (after `hijack` for SSE). */
export function fastifySurface(reply: FastifyReply, sse: SseOptions): Surface {
  const r = reply.raw;
  return {
    writeHeadApi: undefined,
    header: (h, value) => {
      if (h.api === 0) reply.header(h.name, h.name === "set-cookie" ? h.value : value);
      else if (h.api === 1) reply.headers({ [h.name]: value });
      else r.setHeader(h.name, value);
    },
    status: (step) => {
      if (step.how === "staged") reply.code(step.code);
      else {
        r.writeHead(step.code);
        r.flushHeaders();
      }
    },
    statusMessage: (text) => void (r.statusMessage = text),
    write: (chunk) => void r.write(chunk),
    sseStart: () => {
      reply.hijack();
      r.setHeader("content-type", "text/event-stream");
      r.statusCode = 200;
      r.flushHeaders();
    },
    sse: (error) => sendSseError(r, error, sse),
    destroy: () => void r.destroy(),
  };
}

/** Hono's context API: only headers and a staged status (a fetch handler has no socket). */
export function honoSurface(c: Context): Surface {
  const none = (): void => {
    throw new Error("harness: Hono has no such step (the generator must not ask for it)");
  };
  return {
    writeHeadApi: undefined,
    header: (h, value) => {
      if (appends(h.api, h.name) || h.name === "set-cookie") c.header(h.name, h.value, { append: true });
      else c.header(h.name, typeof value === "string" ? value : value.join(", "));
    },
    status: (step) => c.status(step.code as 200),
    statusMessage: none,
    write: none,
    sseStart: none,
    sse: none,
    destroy: none,
  };
}
