import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { honoErrorHandler, withErrorHandling as withFetchErrors } from "../src/adapters/fetch/index.js";
import { withErrorHandling } from "../src/adapters/node/index.js";
import type { ErrorContext } from "../src/index.js";
import { type BuiltServer, serveBuilt } from "./helpers/built-server.js";
import { expectGeneric500 } from "./helpers/expect.js";
import { type Running, serveFetch, serveNode } from "./helpers/http.js";

// Issue 21, defect 6: edge values.
const revokedProxy = (): object => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};

describe("a revoked Proxy thrown", () => {
  let wrapped: Running;
  let hono: Running;
  beforeAll(async () => {
    const quiet = { onError: () => undefined };
    wrapped = await serveFetch(
      withFetchErrors(() => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- the hostile value under test
        throw revokedProxy();
      }, quiet),
    );
    const app = new Hono();
    app.onError(honoErrorHandler(quiet));
    app.get("*", () => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- the hostile value under test
      throw revokedProxy();
    });
    hono = await serveFetch(withFetchErrors(app.fetch, quiet));
  });
  afterAll(() => Promise.all([wrapped.close(), hono.close()]));

  it.each(["fetch withErrorHandling", "Hono"])("%s answers the generic 500", async (which) => {
    await expectGeneric500(await fetch(`${which === "Hono" ? hono.url : wrapped.url}/x`), []);
  });
});

describe("--frozen-intrinsics with NODE_ENV=production (the built package)", () => {
  let server: BuiltServer;
  beforeAll(async () => {
    const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
    server = await serveBuilt(dist, { nodeEnv: "production", nodeFlags: ["--frozen-intrinsics"] });
  });
  afterAll(() => server.close());

  it.each([
    ["model_not_found", 404],
    ["invalid_request", 400],
  ] as const)("%s stays a %i (Error.stackTraceLimit is read-only there)", async (code, status) => {
    const answer = await server.create(code);
    expect(answer.rejected).toBeUndefined();
    if (answer.rejected === undefined) expect(answer.status).toBe(status);
  });
});

describe("after res.destroy()", () => {
  let server: Running;
  const seen: ErrorContext[] = [];
  beforeAll(async () => {
    server = await serveNode(
      withErrorHandling(
        (_req, res) => {
          res.destroy();
          throw new Error("after destroy");
        },
        { onError: (_error, context) => void seen.push(context as ErrorContext) },
      ),
    );
  });
  afterAll(() => server.close());

  it("onError is told nothing was answered, with headersSent as it was", async () => {
    await expect(fetch(`${server.url}/x`)).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ answered: false, headersSent: false, unexpected: true });
  });
});
