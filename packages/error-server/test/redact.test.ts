import { describe, expect, it } from "vitest";
import { MAX_RESPONSE_MESSAGE_LENGTH, REDACTED, redactSecrets, toErrorResponse, createError } from "../src/index.js";

describe("redactSecrets masks", () => {
  it.each([
    { given: "upstream https://api.openai.com/v1/chat failed", want: `upstream ${REDACTED} failed` },
    { given: "GET http://user:pw@10.0.0.7:8080/x?key=abc returned 500", want: `GET ${REDACTED} returned 500` },
    { given: "redis://cache.internal:6379 refused", want: `${REDACTED} refused` },
    { given: "dial tcp 10.12.0.5:443: i/o timeout", want: `dial tcp ${REDACTED}:443: i/o timeout` },
    { given: "peer 192.168.1.254 reset", want: `peer ${REDACTED} reset` },
    { given: "peer 2001:db8:85a3:0:0:8a2e:370:7334 reset", want: `peer ${REDACTED} reset` },
    { given: "bind fe80::1ff:fe23:4567:890a failed", want: `bind ${REDACTED} failed` },
    { given: "listen ::1 failed", want: `listen ${REDACTED} failed` },
    { given: "sent Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc", want: `sent ${REDACTED}` },
    { given: "header was Bearer abcdefgh12345678", want: `header was ${REDACTED}` },
    { given: "key sk-proj-abcdefghijklmnop was rejected", want: `key ${REDACTED} was rejected` },
    { given: "stripe sk_live_51HxYzABCDEFGH failed", want: `stripe ${REDACTED} failed` },
    {
      given: "config api_key=abc123 token: xyz password=hunter2;",
      want: `config ${REDACTED} ${REDACTED} ${REDACTED};`,
    },
  ])("$given", ({ given, want }) => {
    expect(redactSecrets(given)).toBe(want);
  });
});

describe("redactSecrets leaves ordinary text alone", () => {
  it.each([
    "Model not found",
    "max_tokens must be at most 4096",
    "the job ran at 12:30:45 and took 3.5s",
    "std::vector overflow",
    "skip-list rebuilt",
    "use the Bearer scheme",
    "",
  ])("%j", (text) => {
    expect(redactSecrets(text)).toBe(text);
  });
});

describe("redaction on long and hostile messages", () => {
  // Inputs shaped to make a backtracking regex explode; capping first keeps the work bounded.
  it.each([
    { given: "digits and dots", text: "1.".repeat(500_000) },
    { given: "hex and colons", text: "a:".repeat(500_000) },
    { given: "a never-ending key", text: `sk-${"a".repeat(1_000_000)}` },
    { given: "repeated schemes", text: "http://".repeat(200_000) },
    { given: "bearer bearer ...", text: "bearer ".repeat(200_000) },
  ])("$given: capped and valid", ({ text }) => {
    const { body } = toErrorResponse(createError("bad_response", text), { validate: true });
    expect(body.error.message.length).toBeLessThanOrEqual(MAX_RESPONSE_MESSAGE_LENGTH);
  });

  it("masks a secret that straddles the cap instead of leaking its start", () => {
    const message = `${"x".repeat(MAX_RESPONSE_MESSAGE_LENGTH - 10)} sk-abcdefghijklmnopqrstuvwxyz`;
    const { body } = toErrorResponse(createError("bad_response", message));
    expect(body.error.message).not.toContain("sk-abc");
    expect(body.error.message.length).toBeLessThanOrEqual(MAX_RESPONSE_MESSAGE_LENGTH);
  });
});
