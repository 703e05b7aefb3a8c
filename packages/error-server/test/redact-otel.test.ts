import { afterEach, describe, expect, it } from "vitest";
import { recordErrorOnActiveSpan } from "../src/core/otel.js";
import { respondToError } from "../src/core/respond.js";
import { REDACTED } from "../src/index.js";
import { startTracing, type TestTracing } from "./helpers/otel.js";
import { secretSamples } from "./helpers/secret-corpus.js";

let tracing: TestTracing | undefined;
afterEach(async () => {
  await tracing?.stop();
  tracing = undefined;
});

const DSN = "postgres://admin:hunter2@db.internal:5432/prod";
const quiet = { onError: () => undefined };

/** The exception events of the span named `name`: message and stack trace. */
function exceptionsOf(t: TestTracing, name: string): Array<{ message: unknown; stack: unknown }> {
  return t
    .span(name)
    .events.filter((e) => e.name === "exception")
    .map((e) => ({ message: e.attributes?.["exception.message"], stack: e.attributes?.["exception.stacktrace"] }));
}

describe("span exception events carry the redacted message, never the raw one (issue 21)", () => {
  it.each([
    { given: "by default (a 500 is redacted)", options: quiet },
    { given: 'with redact: "all"', options: { ...quiet, redact: "all" as const } },
  ])("$given", async ({ options }) => {
    const t = (tracing = startTracing());
    await t.inSpan("req", () => respondToError(new Error(`connect ${DSN} failed`), options, undefined, undefined));
    const [event, ...others] = exceptionsOf(t, "req");
    expect(others).toEqual([]);
    expect(event?.message).toBe(`connect ${REDACTED} failed`);
    // The stack keeps its frames; its first line, which repeats the message, is masked.
    expect(String(event?.stack).startsWith(`Error: connect ${REDACTED} failed\n    at `)).toBe(true);
    expect(JSON.stringify(t.span("req").events)).not.toMatch(/hunter2|postgres:|db\.internal/);
  });

  it("an Error whose stack does not start with its message is masked whole", async () => {
    const t = (tracing = startTracing());
    const error = new Error(`connect ${DSN} failed`);
    error.stack = `custom trace: ${DSN}`;
    await t.inSpan("req", () => respondToError(error, quiet, undefined, undefined));
    expect(exceptionsOf(t, "req")).toEqual([
      { message: `connect ${REDACTED} failed`, stack: `custom trace: ${REDACTED}` },
    ]);
  });

  it("a thrown string is masked; a hostile object is recorded as 'unknown error', without throwing", async () => {
    const t = (tracing = startTracing());
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error(DSN);
        },
      },
    );
    await t.inSpan("str", () => respondToError(`boom ${DSN}`, quiet, undefined, undefined));
    await t.inSpan("hostile", () =>
      recordErrorOnActiveSpan({ status: 500, code: null, error: hostile, unexpected: true }),
    );
    expect(exceptionsOf(t, "str")[0]?.message).toBe(`boom ${REDACTED}`);
    expect(exceptionsOf(t, "hostile")[0]?.message).toBe("unknown error");
  });

  it("the pipeline can pass its own redactor, or null to record the raw message", async () => {
    const t = (tracing = startTracing());
    const error = new Error(`connect ${DSN}`);
    await t.inSpan("custom", () =>
      recordErrorOnActiveSpan({ status: 500, code: null, error, unexpected: true, redact: () => "masked" }),
    );
    await t.inSpan("raw", () =>
      recordErrorOnActiveSpan({ status: 500, code: null, error, unexpected: true, redact: null }),
    );
    expect(exceptionsOf(t, "custom")[0]?.message).toBe("masked");
    expect(exceptionsOf(t, "raw")[0]?.message).toBe(`connect ${DSN}`);
  });

  it("no secret of the generated corpus reaches a span event", async () => {
    const t = (tracing = startTracing());
    const samples = secretSamples(60, 4);
    for (const [i, sample] of samples.entries())
      await t.inSpan(`s${i}`, () => respondToError(new Error(sample.text), quiet, undefined, undefined));
    for (const [i, sample] of samples.entries()) {
      const events = JSON.stringify(t.span(`s${i}`).events.map((e) => e.attributes));
      for (const secret of sample.secrets)
        expect(events, sample.form).not.toContain(JSON.stringify(secret).slice(1, -1));
    }
  });
});

describe("the span's exception follows the service's redact option, as the response's texts do", () => {
  const DSN_ERROR = () => new Error(`connect ${DSN} failed`);

  it('redact: "none" records the message as thrown (the service said not to mask)', async () => {
    const t = (tracing = startTracing());
    await t.inSpan("none", () => respondToError(DSN_ERROR(), { ...quiet, redact: "none" }, undefined, undefined));
    expect(exceptionsOf(t, "none")[0]?.message).toBe(`connect ${DSN} failed`);
  });

  it("a custom redactor masks the span's exception too", async () => {
    const t = (tracing = startTracing());
    const redact = (text: string) => text.replaceAll("hunter2", "[pw]");
    await t.inSpan("custom", () => respondToError(DSN_ERROR(), { ...quiet, redact }, undefined, undefined));
    const [event] = exceptionsOf(t, "custom");
    expect(event?.message).toBe(`connect ${DSN.replace("hunter2", "[pw]")} failed`);
    expect(String(event?.stack)).not.toContain("hunter2");
  });

  it.each([
    {
      given: "throws",
      redact: () => {
        throw new Error("redactor down");
      },
    },
    { given: "rejects (async)", redact: () => Promise.reject(new Error("redactor down")) },
    { given: "returns a non-string", redact: () => 42 },
  ])(
    "a custom redactor that $given records 'unknown error', never the raw text, and the response stands",
    async ({ redact }) => {
      const t = (tracing = startTracing());
      const options = { ...quiet, redact: redact as unknown as (text: string) => string };
      const response = await t.inSpan("failing", () => respondToError(DSN_ERROR(), options, undefined, undefined));
      expect(response.status).toBe(500);
      expect(JSON.stringify(t.span("failing").events)).not.toMatch(/hunter2|postgres:/);
      expect(exceptionsOf(t, "failing")[0]?.message).toBe("unknown error");
    },
  );
});
