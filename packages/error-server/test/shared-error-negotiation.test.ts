import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorResponse } from "../src/adapters/fetch/index.js";
import { sendError } from "../src/adapters/node/index.js";
import { createError } from "../src/index.js";
import { type Running, serveFetch, serveNode } from "./helpers/http.js";

const quiet = { onError: () => undefined };

// One ContractError made at start-up and sent for every request (the README's advice for a
// fixed answer). The adapters negotiate each response in place: what one request gets must
// never show in the next one (no `vary: origin, accept, accept`, no problem+json headers
// left behind), and the shared error itself must stay as made.
const shared = createError(401, "Sign in first", { headers: { vary: "Origin", "www-authenticate": "Bearer" } });
const servers: Record<string, Running> = {};

beforeAll(async () => {
  servers["node"] = await serveNode((req, res) => sendError(res, shared, quiet));
  servers["fetch"] = await serveFetch((request) => errorResponse(shared, request, quiet));
});
afterAll(async () => {
  for (const running of Object.values(servers)) await running.close();
});

describe.each(["node", "fetch"])("a shared ContractError through the %s adapter", (name) => {
  const get = (accept?: string) => fetch(servers[name]?.url ?? "", accept === undefined ? {} : { headers: { accept } });

  it("answers each request by its own Accept, whatever the requests before it asked", async () => {
    for (const accept of [
      undefined,
      "application/problem+json",
      "application/json",
      "application/problem+json",
      undefined,
      "*/*",
    ]) {
      const response = await get(accept);
      const problem = accept === "application/problem+json";
      expect(response.status).toBe(401);
      expect(response.headers.get("vary")).toBe("Origin, accept");
      expect(response.headers.get("www-authenticate")).toBe("Bearer");
      expect(response.headers.get("content-type")).toBe(
        problem ? "application/problem+json; charset=utf-8" : "application/json; charset=utf-8",
      );
      const body = (await response.json()) as Record<string, unknown>;
      expect(problem ? body["detail"] : (body["error"] as Record<string, unknown>)["message"]).toBe("Sign in first");
    }
  });

  it("leaves the shared error as it was made", () => {
    expect(shared.headers).toEqual({ vary: "Origin", "www-authenticate": "Bearer" });
    expect(Object.isFrozen(shared.headers)).toBe(true);
  });
});
