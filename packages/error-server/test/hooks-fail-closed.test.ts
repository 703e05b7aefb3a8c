import { afterAll, afterEach, beforeAll, describe, expect, it, type MockInstance, vi } from "vitest";
import { resetHookReports } from "../src/core/hooks.js";
import { type AdapterOptions, createError } from "../src/index.js";
import type { Running } from "./helpers/http.js";
import { ADAPTERS, serveAdapter } from "./helpers/servers.js";

// Issue 21, defect 1b: a user callback that throws or rejects (a log sink that is down) must
// never crash the process, hang the request or change the answer; it is logged once, masked.
const SECRET = "postgres://admin:hunter2@db.internal:5432";
const boom = (): never => {
  throw new Error(`sink down ${SECRET}`);
};
const reject = (): Promise<never> => Promise.reject(new Error(`sink down ${SECRET}`));

const HOOKS: ReadonlyArray<{ name: string; options: AdapterOptions<never> }> = [
  { name: "onError throws", options: { onError: boom } },
  { name: "onError rejects", options: { onError: reject } },
  { name: "redact throws", options: { redact: boom } },
  { name: "redact rejects", options: { redact: reject as never } },
  { name: "getRequestId throws", options: { getRequestId: boom } },
  { name: "getRequestId rejects", options: { getRequestId: reject as never } },
  { name: "generateRequestId throws", options: { generateRequestId: boom } },
  { name: "generateRequestId rejects", options: { generateRequestId: reject as never } },
];

const pick = (path: string) => ({
  headers: {},
  fail: () => (path === "/bug" ? new Error("db exploded") : createError("model_not_found", "no such model")),
});

describe.each(ADAPTERS)("%s: a failing hook", (adapter) => {
  const servers: Running[] = [];
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown): void => void rejections.push(reason);
  let consoleError: MockInstance<typeof console.error>;
  beforeAll(async () => {
    process.on("unhandledRejection", onRejection);
    for (const { options } of HOOKS) servers.push(await serveAdapter(adapter, pick, options));
  });
  afterAll(async () => {
    process.off("unhandledRejection", onRejection);
    await Promise.all(servers.map((s) => s.close()));
  });
  beforeAll(() => {
    consoleError = vi.spyOn(console, "error").mockImplementation(() => undefined);
  });
  afterEach(() => {
    consoleError.mockClear();
    resetHookReports();
  });
  afterAll(() => consoleError.mockRestore());

  it.each(HOOKS.map((hook, i) => [hook.name, i] as const))("%s: the answer stands", async (name, i) => {
    const url = (servers[i] as Running).url;
    for (const path of ["/known", "/bug"]) {
      // No incoming id for the generator's case: it is called only when the request has none.
      const headers: Record<string, string> = name.startsWith("generate") ? {} : { "x-request-id": "req-1" };
      const response = await fetch(`${url}${path}`, { headers });
      const body = (await response.json()) as { error: { code: string | null; message: string } };
      if (path === "/bug") {
        expect(response.status).toBe(500);
        expect(body.error.message).toBe("Internal server error");
      } else {
        expect(response.status).toBe(404);
        expect(body.error.code).toBe("model_not_found");
        // A failed redactor falls back to the status text; every other hook leaves the message.
        expect(body.error.message).toBe(name.startsWith("redact") ? "Not Found" : "no such model");
      }
    }
    // Let rejections settle: an unhandled one shows on the next turns.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(rejections).toEqual([]);
    // Logged once for the hook, masked: the secret in the hook's failure is not printed.
    const hookLines = consoleError.mock.calls.filter((call) => String(call[0]).includes(" hook failed"));
    expect(hookLines).toHaveLength(1);
    expect(JSON.stringify(consoleError.mock.calls)).not.toContain("hunter2");
  });
});
