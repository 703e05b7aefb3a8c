import Fastify from "fastify";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { contractErrors } from "../src/adapters/fastify/index.js";
import { createError } from "../src/index.js";
import type { Running } from "./helpers/http.js";
import { ADAPTERS, serveAdapter } from "./helpers/servers.js";

// Unexpected errors must be visible by default (console.error when no onError is given),
// client mistakes must not be reported as unexpected, and onError replaces the default.
const pick = (path: string) => ({
  headers: {},
  fail: () =>
    path === "/bug"
      ? new Error("db exploded")
      : path === "/http-400"
        ? Object.assign(new Error("bad"), { status: 400 })
        : createError("model_not_found"),
});

describe.each(ADAPTERS)("%s: where unexpected errors go", (adapter) => {
  let byDefault: Running;
  let hooked: Running;
  const onError = vi.fn();
  let consoleError: { mock: { calls: unknown[][] }; mockClear(): void; mockRestore(): void };
  beforeAll(async () => {
    consoleError = vi.spyOn(console, "error").mockImplementation(() => undefined);
    byDefault = await serveAdapter(adapter, pick);
    hooked = await serveAdapter(adapter, pick, { onError });
  });
  afterAll(async () => {
    await Promise.all([byDefault.close(), hooked.close()]);
    consoleError.mockRestore();
  });
  afterEach(() => {
    consoleError.mockClear();
    onError.mockClear();
  });

  it("an unexpected error goes to console.error by default", async () => {
    expect((await fetch(`${byDefault.url}/bug`)).status).toBe(500);
    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(consoleError.mock.calls[0]?.[1]).toBeInstanceOf(Error);
  });

  it.each(["/http-400", "/catalog"])("%s is not reported", async (path) => {
    expect((await fetch(`${byDefault.url}${path}`)).status).toBeLessThan(500);
    expect(consoleError).not.toHaveBeenCalled();
  });

  it("onError replaces the default", async () => {
    await fetch(`${hooked.url}/bug`);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(consoleError).not.toHaveBeenCalled();
  });
});

describe("Fastify with its logger on", () => {
  it("logs through Fastify's logger, not console.error", async () => {
    const lines: string[] = [];
    const app = Fastify({ logger: { level: "error", stream: { write: (line: string) => void lines.push(line) } } });
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await app.register(contractErrors);
    app.get("/bug", async () => {
      throw new Error("db exploded");
    });
    const url = await app.listen({ port: 0, host: "127.0.0.1" });
    expect((await fetch(`${url}/bug`)).status).toBe(500);
    await app.close();
    expect(lines.join("")).toContain("db exploded");
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
  });
});
