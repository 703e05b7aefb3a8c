import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { contractErrors } from "../src/adapters/fastify/index.js";
import { createError } from "../src/index.js";
import { readEnvelope } from "./helpers/expect.js";

describe("Fastify: the plugin answers on the raw response", () => {
  it("onResponse hooks still run and see the error status; reply.header values are kept", async () => {
    const seen: number[] = [];
    const app = Fastify();
    await app.register(contractErrors, { onError: () => undefined });
    app.addHook("onRequest", async (_request, reply) => {
      reply.header("access-control-allow-origin", "*");
    });
    app.addHook("onResponse", async (_request, reply) => {
      seen.push(reply.statusCode);
    });
    app.get("/x", async (_request, reply) => {
      reply.header("content-encoding", "br").header("content-length", "99");
      throw createError("model_not_found");
    });
    const url = await app.listen({ port: 0, host: "127.0.0.1" });
    const response = await fetch(`${url}/x`);
    expect(response.status).toBe(404);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("content-encoding")).toBeNull();
    expect((await readEnvelope(response)).error.code).toBe("model_not_found");
    await app.close();
    expect(seen).toEqual([404]);
  });
});
