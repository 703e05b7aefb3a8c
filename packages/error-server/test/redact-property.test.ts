import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createError, MAX_RESPONSE_MESSAGE_LENGTH, REDACTED, redactSecrets, toErrorResponse } from "../src/index.js";
import { MESSAGE_WINDOW } from "../src/core/message.js";
import { scannedLengths } from "./helpers/scan-count.js";
import { secretArbitrary } from "./helpers/secret-corpus.js";

// Fixed seed and a few hundred runs in `pnpm test`; longer runs: REDACT_FUZZ_RUNS=20000
// REDACT_FUZZ_SEED=<n> npx vitest run test/redact-property.test.ts. A failure prints its seed.
const RUNS = {
  seed: Number(process.env.REDACT_FUZZ_SEED ?? 21),
  numRuns: Number(process.env.REDACT_FUZZ_RUNS ?? 300),
};
const quiet = { onError: () => undefined };

describe("property: redaction removes every generated secret", () => {
  it("from the text, and from a 5xx body (message as written, inside any message context)", () => {
    fc.assert(
      fc.property(secretArbitrary, ({ form, secrets, text }) => {
        const out = redactSecrets(text);
        const body = JSON.stringify(toErrorResponse(createError("do_request_failed", text), quiet).body);
        for (const secret of secrets) {
          expect(out, form).not.toContain(secret);
          expect(body, form).not.toContain(JSON.stringify(secret).slice(1, -1));
        }
      }),
      RUNS,
    );
  });
});

describe("property: the work and the output are linear in the input", () => {
  // Any amount of text before and after a secret: the patterns scan one window per message.
  const padding = fc.nat({ max: 120_000 }).map((n) => "lorem ipsum ".repeat(Math.ceil(n / 12)).slice(0, n));
  it("a message of any length is scanned within one window; its output stays under the cap", () => {
    fc.assert(
      fc.property(padding, secretArbitrary, padding, (before, { text }, after) => {
        let message = "";
        const lengths = scannedLengths(() => {
          message = toErrorResponse(createError("do_request_failed", `${before}${text}${after}`), quiet).body.error
            .message;
        });
        expect(lengths).toHaveLength(1);
        expect(lengths[0]).toBeLessThanOrEqual(MESSAGE_WINDOW);
        expect(message.length).toBeLessThanOrEqual(MAX_RESPONSE_MESSAGE_LENGTH);
      }),
      { seed: 21, numRuns: 40 },
    );
  });

  it("redactSecrets' output grows at most by the marker per 3 characters of input", () => {
    fc.assert(
      fc.property(fc.array(secretArbitrary, { maxLength: 5 }), fc.string({ maxLength: 200 }), (samples, noise) => {
        const text = samples.map((s) => s.text).join(noise);
        expect(redactSecrets(text).length).toBeLessThanOrEqual(
          Math.max(text.length, (REDACTED.length * text.length) / 3),
        );
      }),
      { seed: 21, numRuns: 100 },
    );
  });
});

// What an LLM gateway's messages carry that is not secret: model names, request and trace
// ids, UUIDs, token counts, timestamps, parameter names.
const MODELS = [
  "gpt-4o",
  "gpt-4o-mini",
  "o3-mini",
  "claude-3-5-sonnet-20241022",
  "claude-opus-4-1",
  "llama-3.3-70b-versatile",
  "meta-llama/Llama-3.1-8B-Instruct-Turbo",
  "mistral-large-latest",
  "gemini-1.5-pro-002",
  "deepseek-chat",
  "accounts/fireworks/models/llama-v3p1-8b-instruct",
  "grok-2-1212",
  "text-embedding-3-small",
];
const alnum = (n: number): fc.Arbitrary<string> =>
  fc.string({
    unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"),
    minLength: n,
    maxLength: n,
  });
const hex = (n: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: n, maxLength: n });
const id = fc.oneof(
  alnum(24).map((s) => `req_${s}`),
  alnum(29).map((s) => `chatcmpl-${s}`),
  alnum(22).map((s) => `msg_01${s}`),
  fc.uuid(),
  hex(32),
);
const count = fc.nat({ max: 2_000_000 });
const when = fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }).map((d) => d.toISOString());
const benign = fc.oneof(
  fc
    .tuple(fc.constantFrom(...MODELS))
    .map(([m]) => `The model \`${m}\` does not exist or you do not have access to it.`),
  fc.tuple(id, count, count).map(([r, n, k]) => `Request ${r} failed after ${n} ms; retry with max_tokens=${k}`),
  fc
    .tuple(fc.constantFrom(...MODELS), count, count, count)
    .map(
      ([m, a, b, c]) => `Rate limit reached for ${m} on tokens per min (TPM): Limit ${a}, Used ${b}, Requested ${c}.`,
    ),
  fc
    .tuple(count, count, count)
    .map(
      ([a, b, c]) =>
        `This model's maximum context length is ${a} tokens. However, you requested ${b} tokens (${c} in the messages).`,
    ),
  fc.tuple(hex(32), hex(16), when).map(([t, s, w]) => `trace ${t} span ${s} at ${w}`),
  fc
    .tuple(id, fc.integer({ min: 400, max: 599 }), fc.constantFrom(...MODELS))
    .map(([r, s, m]) => `request_id=${r} status=${s} model=${m}`),
  fc
    .tuple(fc.double({ noNaN: true }))
    .map(([x]) => `Invalid value for 'temperature': expected a number between 0 and 2, got ${x}.`),
  fc.tuple(count, count).map(([a, b]) => `usage: prompt_tokens=${a}, completion_tokens=${b}, total_tokens=${a + b}`),
);

describe("property: benign text is not mangled", () => {
  it("model names, request ids, UUIDs, counts and timestamps come through unchanged", () => {
    fc.assert(
      fc.property(benign, (text) => {
        expect(redactSecrets(text)).toBe(text);
      }),
      RUNS,
    );
  });
});
