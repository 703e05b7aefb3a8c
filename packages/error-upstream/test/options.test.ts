import { describe, expect, it } from "vitest";
import {
  checkUpstreamOptions,
  fromUpstreamBody,
  fromUpstreamFailure,
  fromUpstreamResponse,
  relayUpstreamStream,
  UPSTREAM_PROVIDERS,
} from "../src/index.js";

const response = (): Response => new Response("{}", { status: 500 });

describe("options fail closed: a TypeError at once, naming what is accepted", () => {
  it("an unknown provider names the providers", () => {
    const call = () => fromUpstreamResponse(response(), { provider: "opnai" });
    expect(call).toThrow(TypeError);
    expect(call).toThrow(new RegExp(UPSTREAM_PROVIDERS.map((p) => `"${p}"`).join(", ")));
  });

  it.each([
    ["an unknown option", { provider: "openai", retires: true }, /unknown option "retires"; the options are/],
    ["retried not a boolean", { provider: "openai", retried: "yes" }, /retried must be true or false/],
    [
      "retryLaterFor with a misspelt disposition",
      { provider: "openai", retryLaterFor: ["ratelimit"] },
      /retryLaterFor must be a list of "request"/,
    ],
    ["a negative timeoutMs", { provider: "openai", timeoutMs: -1 }, /timeoutMs must be/],
    ["no options", undefined, /options must be an object with a provider/],
  ])("%s", (_, options, message) => {
    expect(() => fromUpstreamResponse(response(), options as never)).toThrow(message);
  });

  it("fromUpstreamFailure checks phase; relayUpstreamStream checks dialect and the error event's options", () => {
    expect(() => fromUpstreamFailure(new Error("x"), { provider: "openai", phase: "headers" as never })).toThrow(
      /phase must be "request" or "body"/,
    );
    expect(() => relayUpstreamStream(response(), { provider: "openai", dialect: "cohere" as never })).toThrow(
      /dialect must be/,
    );
    expect(() =>
      relayUpstreamStream(response(), { provider: "openai", errorOptions: { attribution: "All" as never } }),
    ).toThrow(/attribution must be/);
    expect(() => fromUpstreamBody(null as never, { provider: "openai" })).toThrow(
      /expected \{ status, headers, body \}/,
    );
  });

  it("nothing a provider sends rejects: a hostile body gives an outcome", async () => {
    const body = new ReadableStream({ pull: () => Promise.reject(new Error("boom")) });
    const outcome = await fromUpstreamResponse(new Response(body, { status: 502 }), { provider: "openai" });
    expect(outcome.error.status).toBeGreaterThanOrEqual(500);
  });
});

describe("checkUpstreamOptions", () => {
  it("throws at setup what the functions would throw per call, and accepts what they accept", () => {
    expect(() => checkUpstreamOptions({ provider: "bedrock-runtime" })).toThrow(/option provider must be one of/);
    expect(() => checkUpstreamOptions({ provider: "bedrock", retried: true })).not.toThrow();
  });
});
