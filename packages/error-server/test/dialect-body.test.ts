/**
 * The dialect renderer as given/want tables: an envelope in, each dialect's body out. Generic
 * over members: an optional member the dialect places (contract 1.2's `upstream`, here given
 * directly in the envelope) reaches every dialect without a line of code naming it.
 */
import type { ErrorEnvelope } from "@org/error-types";
import { describe, expect, it } from "vitest";
import { dialectBody } from "../src/core/dialect-body.js";
import { setAtPointer } from "../src/core/json-pointer.js";

const DOC = "https://contract.org.example/error-contract/errors#get_channel_failed";
const upstream = { provider: "openai", status: 429, code: "rate_limit_exceeded", request_id: "up-1" };
const full = (): ErrorEnvelope =>
  ({
    error: {
      message: "No available channel",
      type: "upstream_error",
      code: "get_channel_failed",
      param: "model",
      request_id: "req_7",
      doc_url: DOC,
      upstream,
    },
  }) as ErrorEnvelope;
const codeless = (): ErrorEnvelope => ({
  error: { message: "Too Many Requests", type: "rate_limit_error", code: null, param: null },
});

const TABLE = [
  {
    given: "a 503 with every member, anthropic",
    dialect: "anthropic" as const,
    status: 503,
    envelope: full,
    want: {
      type: "error",
      error: {
        message: "No available channel",
        type: "overloaded_error",
        details: { error_code: "get_channel_failed", param: "model", doc_url: DOC, upstream },
      },
      request_id: "req_7",
    },
  },
  {
    given: "a 503 with every member, gemini (upstream spread into the metadata as strings)",
    dialect: "gemini" as const,
    status: 503,
    envelope: full,
    want: {
      error: {
        code: 503,
        details: [
          {
            "@type": "type.googleapis.com/google.rpc.ErrorInfo",
            domain: "contract.org.example",
            reason: "get_channel_failed",
            metadata: {
              param: "model",
              request_id: "req_7",
              doc_url: DOC,
              upstream_provider: "openai",
              upstream_status: "429",
              upstream_code: "rate_limit_exceeded",
              upstream_request_id: "up-1",
            },
          },
        ],
        message: "No available channel",
        status: "UNAVAILABLE",
      },
    },
  },
  {
    given: "a codeless 429 with a null param, anthropic (no code, no details)",
    dialect: "anthropic" as const,
    status: 429,
    envelope: codeless,
    want: { type: "error", error: { message: "Too Many Requests", type: "rate_limit_error" } },
  },
  {
    given: "a codeless 429 with a null param, gemini (no reason)",
    dialect: "gemini" as const,
    status: 429,
    envelope: codeless,
    want: {
      error: {
        code: 429,
        details: [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", domain: "contract.org.example" }],
        message: "Too Many Requests",
        status: "RESOURCE_EXHAUSTED",
      },
    },
  },
];

describe("dialectBody: given an envelope, want the dialect's body", () => {
  it.each(TABLE)("$given", ({ dialect, status, envelope, want }) => {
    expect(dialectBody(dialect, status, envelope())).toStrictEqual(want);
  });

  it("openai is the envelope itself (no copy), with every member", () => {
    const envelope = full();
    expect(dialectBody("openai", 503, envelope)).toBe(envelope);
  });

  it("a type outside the contract is named by its status's type on the surface", () => {
    const envelope = { error: { message: "m", type: "future_error", code: null } } as unknown as ErrorEnvelope;
    expect(dialectBody("anthropic", 404, envelope)).toMatchObject({ error: { type: "not_found_error" } });
    expect(dialectBody("gemini", 500, envelope)).toMatchObject({ error: { status: "INTERNAL" } });
  });
});

describe("setAtPointer", () => {
  it("creates objects and arrays on the way, unescapes ~1 and ~0, and never writes through a prototype", () => {
    const target = {};
    setAtPointer(target, "/a/0/b~1c~0d", 1);
    setAtPointer(target, "/__proto__/polluted", true);
    expect(target).toStrictEqual({ a: [{ "b/c~d": 1 }], ["__proto__"]: { polluted: true } });
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});
