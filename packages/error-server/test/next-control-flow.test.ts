import { forbidden, notFound, permanentRedirect, redirect, unauthorized, unstable_rethrow } from "next/navigation";
import { DynamicServerError } from "next/dist/client/components/hooks-server-context.js";
import { BailoutToCSRError } from "next/dist/shared/lib/lazy-dynamic/bailout-to-csr.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
