import { forbidden, notFound, permanentRedirect, redirect, unauthorized, unstable_rethrow } from "next/navigation";
import { DynamicServerError } from "next/dist/client/components/hooks-server-context.js";
import { BailoutToCSRError } from "next/dist/shared/lib/lazy-dynamic/bailout-to-csr.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Hono } from "hono";
import { honoErrorHandler, withErrorHandling } from "../src/adapters/fetch/index.js";
import { isNextControlFlowError, rethrowNextControlFlow } from "../src/adapters/fetch/next-control-flow.js";
import { createError } from "../src/index.js";

// Next enables forbidden()/unauthorized() with `experimental.authInterrupts`, which sets this.
beforeAll(() => {
  process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
});
afterAll(() => {
  delete process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS;
});

/** What a call throws. */
function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

/** Whether Next's own `unstable_rethrow` rethrows `error`: the reference behaviour. */
function nextRethrows(error: unknown): boolean {
  try {
    unstable_rethrow(error);
    return false;
  } catch {
    return true;
  }
}

const CONTROL_FLOW: Array<[string, () => unknown]> = [
  ["notFound()", () => thrownBy(() => notFound())],
  ["redirect()", () => thrownBy(() => redirect("/login"))],
  ["redirect() with ; in the URL", () => thrownBy(() => redirect("/a;b?c=1;2"))],
  ["permanentRedirect()", () => thrownBy(() => permanentRedirect("/new"))],
  ["forbidden()", () => thrownBy(() => forbidden())],
  ["unauthorized()", () => thrownBy(() => unauthorized())],
  ["DynamicServerError (headers() in static generation)", () => new DynamicServerError("headers")],
  ["BailoutToCSRError (useSearchParams)", () => new BailoutToCSRError("useSearchParams()")],
  ["redirect() wrapped as a cause", () => new Error("while loading", { cause: thrownBy(() => redirect("/x")) })],
];

const ORDINARY: Array<[string, () => unknown]> = [
  ["a ContractError", () => createError("model_not_found")],
  ["a TypeError", () => new TypeError("x is undefined")],
  ["a string", () => "NEXT_REDIRECT"],
  ["null", () => null],
  ["an error with another digest", () => Object.assign(new Error("x"), { digest: "12345" })],
  ["an error with a numeric digest", () => Object.assign(new Error("x"), { digest: 404 })],
  ["a cause chain with no signal", () => new Error("a", { cause: new Error("b", { cause: "c" }) })],
];

describe("isNextControlFlowError with the real next package", () => {
  it.each(CONTROL_FLOW)("%s is control flow, as unstable_rethrow says", (_name, make) => {
    const error = make();
    expect(nextRethrows(error)).toBe(true);
    expect(isNextControlFlowError(error)).toBe(true);
    expect(() => rethrowNextControlFlow(error)).toThrow();
  });

  it.each(ORDINARY)("%s is not, as unstable_rethrow says", (_name, make) => {
    const error = make();
    expect(nextRethrows(error)).toBe(false);
    expect(isNextControlFlowError(error)).toBe(false);
    expect(() => rethrowNextControlFlow(error)).not.toThrow();
  });

  it("a cyclic cause chain or a throwing getter neither hangs nor throws", () => {
    const a = new Error("a");
    const b = new Error("b", { cause: a });
    Object.defineProperty(a, "cause", { value: b });
    expect(isNextControlFlowError(a)).toBe(false);
    const hostile = new Proxy(new Error("p"), {
      get() {
        throw new Error("trap");
      },
    });
    expect(isNextControlFlowError(hostile)).toBe(false);
  });
});

describe("withErrorHandling (fetch adapter) around a Next.js route handler", () => {
  const request = () => new Request("http://127.0.0.1/api/models/gpt-9", { headers: { accept: "application/json" } });

  it.each(CONTROL_FLOW)("%s thrown by the handler is rethrown to Next, not answered", async (_name, make) => {
    const thrown = make();
    const GET = withErrorHandling(async (_request: Request): Promise<Response> => {
      throw thrown;
    });
    await expect(GET(request())).rejects.toBe(thrown);
  });

  it("redirect() called inside the handler reaches Next with its digest", async () => {
    const GET = withErrorHandling(async (): Promise<Response> => redirect("/login"));
    await expect(GET(request())).rejects.toMatchObject({
      digest: expect.stringMatching(/^NEXT_REDIRECT;replace;\/login;307;/),
    });
  });

  it("notFound() called inside the handler reaches Next", async () => {
    const GET = withErrorHandling(async (): Promise<Response> => notFound());
    await expect(GET(request())).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;404" });
  });

  it.each(ORDINARY.filter(([name]) => name !== "null" && name !== "a string"))(
    "%s is still answered with the contract's response",
    async (_name, make) => {
      const GET = withErrorHandling(
        async (): Promise<Response> => {
          throw make();
        },
        { onError: () => undefined },
      );
      const response = await GET(request());
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    },
  );
});

describe("Hono inside a Next.js route handler", () => {
  it.each(CONTROL_FLOW)(
    "%s thrown in a Hono route leaves app.fetch for Next; other errors are answered",
    async (_name, make) => {
      const app = new Hono();
      app.onError(honoErrorHandler({ onError: () => undefined }));
      const thrown = make();
      app.get("/flow", () => {
        throw thrown;
      });
      app.get("/model", () => {
        throw createError("model_not_found");
      });
      const GET = withErrorHandling(app.fetch);
      await expect(GET(new Request("http://127.0.0.1/flow"))).rejects.toBe(thrown);
      expect((await GET(new Request("http://127.0.0.1/model"))).status).toBe(404);
    },
  );
});
