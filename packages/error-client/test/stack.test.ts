import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, fetchWithContract, parseErrorBody, parseErrorResponse, readSseEvents } from "../src/index.js";
import { reply, startServer, type TestServer } from "./helpers/server.js";

// The stack policy (README, "Stacks"): an error that is a parsed value carries a one-line
// stack; an error the package throws gets the stack of the throw; one you construct keeps its own.
const envelope = '{"error":{"message":"no such model","code":"model_not_found"}}';
const json = { "content-type": "application/json" };

let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    "/404": reply({ status: 404, headers: json, body: envelope }),
    "/sse-404": reply({ status: 404, headers: json, body: envelope }),
  });
});
afterAll(() => server.close());

/** A named caller, so its frame can be looked for in a stack. */
async function callerOfTheClient(url: string): Promise<unknown> {
  try {
    await fetchWithContract(url, {}, { retry: false });
  } catch (e) {
    return e;
  }
  return null;
}

describe("stacks", () => {
  it("a parsed error is still an Error, with a one-line stack (no frames of the parser)", async () => {
    const fromBody = parseErrorBody({ status: 404, body: envelope });
    const fromResponse = await parseErrorResponse(new Response(envelope, { status: 404, headers: json }));
    for (const error of [fromBody, fromResponse]) {
      expect(error).toBeInstanceOf(Error);
      expect(Object.prototype.toString.call(error)).toBe("[object Error]");
      expect(error.stack).toBe(`ApiError: ${error.message}`);
    }
  });

  it("restores Error.stackTraceLimit, including after a parse of a hostile body", () => {
    const before = Error.stackTraceLimit;
    parseErrorBody({ status: 500, body: "<html>x</html>" });
    parseErrorBody({
      status: 500,
      body: {
        get error(): unknown {
          throw new Error("boom");
        },
      },
    });
    expect(Error.stackTraceLimit).toBe(before);
    expect(new Error("x").stack?.split("\n").length).toBeGreaterThan(1);
  });

  it("an ApiError constructed by the caller keeps its full stack", () => {
    const error = new ApiError({ status: 500, detail: "mine" });
    expect(error.stack?.split("\n").length).toBeGreaterThan(1);
  });

  it("an error thrown by fetchWithContract carries the stack of the throw, with the caller's frame", async () => {
    const error = await callerOfTheClient(server.url("/404"));
    expect(error).toBeInstanceOf(ApiError);
    const stack = (error as ApiError).stack ?? "";
    expect(stack.startsWith(`ApiError: ${(error as ApiError).message}\n`)).toBe(true);
    expect(stack).toContain("callerOfTheClient");
  });

  it("an error thrown by readSseEvents carries the stack of the throw", async () => {
    const response = await fetch(server.url("/sse-404"));
    let caught: unknown = null;
    try {
      for await (const _ of readSseEvents(response)) break;
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ApiError);
    expect(((caught as ApiError).stack ?? "").split("\n").length).toBeGreaterThan(1);
  });
});
