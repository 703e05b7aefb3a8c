import { connect, constants, createServer as createHttp2Server, type Http2Server } from "node:http2";
import type { AddressInfo } from "node:net";
import { get, type IncomingMessage, type ServerResponse } from "node:http";
import Fastify from "fastify";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contractErrors } from "../src/adapters/fastify/index.js";
import { sendSseError, withErrorHandling } from "../src/adapters/node/index.js";
import { createError } from "../src/index.js";
import { readEnvelope } from "./helpers/expect.js";
import { type Running, serveNode } from "./helpers/http.js";
import { parseEventStream } from "./helpers/sse.js";

// Issue 21, defect 2: responses that hang or lie.
const quiet = { onError: () => undefined };
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("node:http: a staged status or head, then a throw", () => {
  let server: Running;
  beforeAll(async () => {
    server = await serveNode(
      withErrorHandling((req, res) => {
        const url = req.url ?? "/";
        // (a) node keeps the no-body state of a staged 204/304: the 500 had no body and hung.
        if (url === "/staged-204") res.writeHead(204);
        if (url === "/staged-304") res.writeHead(304, { etag: '"v1"' });
        // (3e) a stale statusMessage, writeHead's Set-Cookie lines, the app's Connection: close.
        if (url === "/status-message") res.statusMessage = "All Good";
        if (url === "/cookies") res.writeHead(200, { "set-cookie": ["a=1; Path=/", "b=2; Path=/"] });
        if (url === "/connection-close") res.setHeader("connection", "close");
        if (url === "/connection-close-head") res.writeHead(200, { connection: "close" });
        throw createError("model_not_found");
      }, quiet),
    );
  });
  afterAll(() => server.close());

  it.each(["/staged-204", "/staged-304"])("%s: a full 404 with its body", async (path) => {
    const response = await fetch(`${server.url}${path}`);
    expect(response.status).toBe(404);
    expect((await readEnvelope(response)).error.code).toBe("model_not_found");
  });

  /** The raw status line and headers as node's own parser (llhttp) reads them. */
  const raw = (path: string) =>
    new Promise<IncomingMessage>((resolve, reject) => {
      get(`${server.url}${path}`, (res) => {
        res.resume();
        resolve(res);
      }).on("error", reject);
    });

  it("a stale statusMessage is not sent with the error's status", async () => {
    const res = await raw("/status-message");
    expect(`${res.statusCode} ${res.statusMessage}`).toBe("404 Not Found");
  });

  it("every Set-Cookie of a writeHead header set is kept", async () => {
    expect((await raw("/cookies")).headers["set-cookie"]).toEqual(["a=1; Path=/", "b=2; Path=/"]);
  });

  it.each(["/connection-close", "/connection-close-head"])("%s: the app's Connection: close is kept", async (path) => {
    expect((await raw(path)).headers.connection).toBe("close");
  });
});

/** GET over http2 (prior knowledge): the status, the body bytes and the stream's RST code. */
async function http2Get(url: string): Promise<{ status: number | undefined; body: string; rstCode: number }> {
  const session = connect(url);
  try {
    const req = session.request({ ":path": "/" });
    let status: number | undefined;
    let body = "";
    req.on("response", (headers) => (status = headers[":status"]));
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("error", () => undefined);
    await new Promise((resolve) => req.on("close", resolve));
    return { status, body, rstCode: req.rstCode };
  } finally {
    session.close();
  }
}

describe("http2: a body cut after the headers is visibly truncated", () => {
  let server: Http2Server;
  let closeFastify: () => Promise<unknown>;
  let url: string;
  let fastifyUrl: string;
  beforeAll(async () => {
    server = createHttp2Server(
      withErrorHandling(async (_req, res) => {
        res.writeHead(200, { "content-type": "text/plain" });
        res.write("partial ");
        await tick();
        throw new Error("upstream broke");
      }, quiet),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const fastify = Fastify({ http2: true });
    closeFastify = () => fastify.close();
    await fastify.register(contractErrors, quiet);
    fastify.get("/", async (_request, reply) => {
      reply.raw.writeHead(200, { "content-type": "text/plain" });
      reply.raw.write("partial ");
      await tick();
      throw new Error("upstream broke");
    });
    fastifyUrl = await fastify.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await closeFastify();
    await new Promise((resolve) => server.close(resolve));
  });

  it.each(["node:http2 compat", "Fastify on http2"])(
    "%s: RST_STREAM with an error code, not NO_ERROR",
    async (which) => {
      const result = await http2Get(which === "node:http2 compat" ? url : fastifyUrl);
      expect(result.status).toBe(200);
      expect(result.body).toBe("partial ");
      expect(result.rstCode).not.toBe(constants.NGHTTP2_NO_ERROR);
    },
  );
});

describe("sendSseError after a half-written event", () => {
  let server: Running;
  const CHUNK = '{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[]}';
  const BEFORE: Record<string, string> = {
    "/partial-line": 'data: {"partial',
    "/no-blank-line": `data: ${CHUNK}\n`,
    "/clean": `data: ${CHUNK}\n\n`,
  };
  beforeAll(async () => {
    server = await serveNode((req, res) => void stream(req, res));
    async function stream(req: IncomingMessage, res: ServerResponse): Promise<void> {
      res.writeHead(200, { "content-type": "text/event-stream" });
      // The SDK asks for <base>/chat/completions: the first path segment picks the case.
      const path = /^\/[^/]*/.exec(req.url ?? "/")?.[0] ?? "/";
      res.write(BEFORE[path] ?? "");
      await tick();
      sendSseError(res, createError("model_not_found"), quiet);
    }
  });
  afterAll(() => server.close());

  it.each(Object.keys(BEFORE))("%s: the error is an event of its own, read by a strict SSE reader", async (path) => {
    const events = parseEventStream(await (await fetch(`${server.url}${path}`)).text());
    const last = JSON.parse(events.at(-1)?.data ?? "null") as { error?: { code?: string } };
    expect(last.error?.code).toBe("model_not_found");
    // The app's own events are left as they were (the clean and the line-ended chunk parse).
    if (path !== "/partial-line") expect(events.map((e) => e.data)).toEqual([CHUNK, events.at(-1)?.data]);
  });

  it.each(["/no-blank-line", "/clean"])("%s: the OpenAI SDK raises the API error", async (path) => {
    const client = new OpenAI({ baseURL: `${server.url}${path}`, apiKey: "k", maxRetries: 0 });
    const stream = client.chat.completions.create({ model: "m", messages: [], stream: true });
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const chunk of await stream) seen.push(chunk);
    })().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as InstanceType<typeof OpenAI.APIError>).code).toBe("model_not_found");
    expect(seen).toHaveLength(1);
  });
});
