/// <reference types="node" />
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { sValidator } from "@hono/standard-validator";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorEnvelopeSchema, lenientErrorEnvelopeSchema } from "../src/index.js";
import { envelopeFor } from "./envelopes.js";

/**
 * One real consumer of Standard Schema: Hono's standard validator, serving a Hono app over
 * node:http on 127.0.0.1 (an ephemeral port), called with fetch.
 */
const app = new Hono()
  .post("/strict", sValidator("json", errorEnvelopeSchema), (c) => c.json({ code: c.req.valid("json").error.code }))
  .post("/lenient", sValidator("json", lenientErrorEnvelopeSchema), (c) =>
    c.json({ message: c.req.valid("json").error.message }),
  );

const read = async (req: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

let server: Server;
let base = "";
beforeAll(async () => {
  server = createServer((req, res) => {
    void (async () => {
      const body = await read(req);
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const response = await app.fetch(
        new Request(`http://127.0.0.1${req.url ?? "/"}`, {
          method: req.method ?? "GET",
          headers,
          body: body.length > 0 ? new Uint8Array(body) : null,
        }),
      );
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch(() => {
      res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
});

const post = (path: string, body: unknown) =>
  fetch(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("Hono's standard validator with the envelope schemas, over HTTP", () => {
  it("a strict envelope reaches the handler, typed", async () => {
    const response = await post("/strict", envelopeFor("model_not_found"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ code: "model_not_found" });
  });

  it("an envelope outside the contract is a 400 whose issues carry our message and path", async () => {
    const response = await post("/strict", { error: { message: "m", type: "server_error", code: "made_up" } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { success: boolean; error: { message: string; path?: string[] }[] };
    expect(body.success).toBe(false);
    expect(body.error).toHaveLength(1);
    expect(body.error[0]?.path).toEqual(["error", "code"]);
    expect(body.error[0]?.message).toMatch(/^code "made_up" is not in the catalog/);
  });

  it("lenient accepts what a newer server sends; strict does not", async () => {
    const newer = { error: { message: "busy", type: "upstream_error", code: "new_code", request_id: "req_1" } };
    expect((await post("/lenient", newer)).status).toBe(200);
    expect((await post("/strict", newer)).status).toBe(400);
  });
});
