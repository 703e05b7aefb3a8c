import { describe, expect, it } from "vitest";
import { behaviour, clientImpact } from "../src/clients/impact.js";
import { CLIENTS } from "../src/clients/data.js";
import { classifyChanges } from "../src/diff.js";
import { readModel } from "../src/model.js";
import { type Editable, pair } from "./fixtures.js";

const meta = (s: Editable, i: number) => s.code.anyOf[i]["x-error"];
const impactOf = (edit: (s: Editable) => void) => {
  const { before, after } = pair(edit);
  return classifyChanges(before, after).flatMap((c) => c.impact ?? []);
};

describe("client impact of status and retryability edits", () => {
  it("the issue's example: model_price_error 500 -> 409", () => {
    // The issue says the AI SDK "will now retry it"; under its own rule (408/409/429/>=500) the SDK
    // already retried the 500, so the true sentence is "still retries it". The rest is verbatim.
    expect(impactOf((s) => (meta(s, 4).status = 409))).toEqual([
      "model_price_error 500 -> 409: the Vercel AI SDK still retries it although the catalog says it must not be retried; openai@6 still does not retry it (`x-should-retry: false` from @org/error-server wins) but raises `ConflictError` instead of `InternalServerError`",
    ]);
  });

  it("the example's wording, where it is true: a 4xx code moved to 409", () => {
    expect(impactOf((s) => (meta(s, 0).status = 409))).toEqual([
      "invalid_request 400 -> 409: the Vercel AI SDK will now retry it although the catalog says it must not be retried; openai@6 still does not retry it (`x-should-retry: false` from @org/error-server wins) but raises `ConflictError` instead of `BadRequestError`",
    ]);
  });

  it("a retryable 5xx code moved to 4xx: every client stops retrying it", () => {
    expect(impactOf((s) => (meta(s, 3).status = 400))).toEqual([
      "do_request_failed 502 -> 400: the Vercel AI SDK will no longer retry it although the catalog says it may be retried; openai@6 still retries it (`x-should-retry: true` from @org/error-server wins) but raises `BadRequestError` instead of `InternalServerError`",
    ]);
  });

  it("retryability edits: the catalog-driven clients follow, the status-driven SDK does not", () => {
    expect(impactOf((s) => (meta(s, 3).retryable = false))).toEqual([
      "do_request_failed retryable true -> false: @org/error-client will no longer retry it; openai@6 will no longer retry it; the Vercel AI SDK still retries it although the catalog says it must not be retried",
    ]);
    expect(impactOf((s) => (meta(s, 1).retryable = true))).toEqual([
      "access_denied retryable false -> true: @org/error-client will now retry it; openai@6 will now retry it; the Vercel AI SDK still does not retry it although the catalog says it may be retried",
    ]);
  });

  it("status edits within a class: only what differs is said (502 -> 504; 403 -> 401)", () => {
    expect(impactOf((s) => (meta(s, 2).status = 504))).toEqual([
      "channel:invalid_key 502 -> 504: the Vercel AI SDK still retries it although the catalog says it must not be retried",
    ]);
    expect(impactOf((s) => (meta(s, 1).status = 401))).toEqual([
      "access_denied 403 -> 401: openai@6 still does not retry it but raises `AuthenticationError` instead of `PermissionDeniedError`",
    ]);
  });

  it("each client's rules are data with a source and a version", () => {
    for (const c of CLIENTS) {
      expect(c.source.length).toBeGreaterThan(10);
      expect(c.version).not.toBe("");
    }
  });

  it("@org/error-client's status step reads the schema's retry rule (501 is never retried, 503 is)", () => {
    const { before, after } = pair((s) => s.envelope["x-contract"].nonRetryableStatuses.push(503));
    const org = CLIENTS.find((c) => c.id === "org-error-client");
    if (!org) throw new Error("no org client");
    const codeless = (status: number) =>
      ({ ...readModel(before).codes[0], status, retryable: undefined, code: "x" }) as never;
    // With no catalog verdict and no header (retryable undefined -> false header), the status rule is what the model says.
    expect(
      behaviour(
        { ...org, retry: [{ by: "contract-status", fallback: { statuses: [], ranges: [], except: [] } }] },
        codeless(503),
        readModel(before),
      ).retry,
    ).toBe(true);
    expect(
      behaviour(
        { ...org, retry: [{ by: "contract-status", fallback: { statuses: [], ranges: [], except: [] } }] },
        codeless(503),
        readModel(after),
      ).retry,
    ).toBe(false);
    expect(
      behaviour(
        { ...org, retry: [{ by: "contract-status", fallback: { statuses: [], ranges: [], except: [] } }] },
        codeless(501),
        readModel(before),
      ).retry,
    ).toBe(false);
    expect(clientImpact(undefined, readModel(before).codes[4] as never).lines).toEqual([
      "model_price_error (new, status 500): the Vercel AI SDK will retry it although the catalog says it must not be retried",
    ]);
  });
});
