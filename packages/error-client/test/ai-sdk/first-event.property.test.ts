import { APICallError } from "ai";
import fc from "fast-check";
import { codeToHttpStatus, ERROR_CODES, type ErrorCode, RETRYABLE_ERROR_CODES } from "@org/error-types";
import { describe, expect, it } from "vitest";
import { createContractFetch } from "../../src/ai-sdk/index.js";

// Generated event streams through createContractFetch, with an independent oracle: the bytes
// handed on must be the stream's bytes, however they were chunked; a first error event must
// be thrown with the retry decision the catalog (and the event's `retryable` flag) gives.
const SEED = 240_24;
const encoder = new TextEncoder();

/** Text that also holds multi-byte characters, so a chunk boundary can split one. */
const text = fc.string({ unit: fc.constantFrom("a", "é", "😀", "中", " ", "\\", '"', "z"), maxLength: 12 });
/** What a server may send before the first event: comments and blank lines. */
const preamble = fc.array(
  fc.oneof(
    text.map((t) => `: ${t}\n`),
    fc.constant("\n"),
  ),
  { maxLength: 3 },
);
const lineEnd = fc.constantFrom("\n", "\r\n");

interface ErrorEvent {
  code: ErrorCode | null;
  flag: boolean | undefined;
  form: "openai" | "anthropic";
  message: string;
}
const errorEvent: fc.Arbitrary<ErrorEvent> = fc.record({
  code: fc.option(fc.constantFrom(...ERROR_CODES), { nil: null }),
  flag: fc.option(fc.boolean(), { nil: undefined }),
  form: fc.constantFrom("openai", "anthropic"),
  message: text.map((t) => `m${t}`),
});

/** The event's data as the server writes it, and its text. */
function errorText(e: ErrorEvent, eol: string): { data: unknown; text: string } {
  const error = { message: e.message, type: "upstream_error", code: e.code };
  const data = {
    ...(e.form === "anthropic" ? { type: "error" } : {}),
    error,
    ...(e.flag === undefined ? {} : { retryable: e.flag }),
  };
  const name = e.form === "anthropic" ? `event: error${eol}` : "";
  return { data, text: `${name}data: ${JSON.stringify(data)}${eol}${eol}` };
}

/** The oracle: the flag decides if sent; else a code's catalog entry; a codeless event in a 200 is not retried. */
const expectedRetryable = (e: ErrorEvent): boolean =>
  e.flag ?? (e.code !== null && (RETRYABLE_ERROR_CODES as readonly string[]).includes(e.code));

/** `bytes` cut at the given points (sorted, deduplicated). */
function chunked(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let at = 0;
  for (const p of [...points, bytes.length]) {
    if (p > at) out.push(bytes.slice(at, p));
    at = p;
  }
  return out;
}

const streamOf = (chunks: Uint8Array[]): Response =>
  new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const c of chunks) controller.enqueue(c);
        controller.close();
      },
    }),
    { headers: { "content-type": "text/event-stream" } },
  );

const cuts = fc.array(fc.nat(4000), { maxLength: 8 });

describe("createContractFetch over generated event streams (fast-check, fixed seed)", () => {
  it("a stream whose first event is no error is handed on byte for byte", async () => {
    await fc.assert(
      fc.asyncProperty(
        preamble,
        fc.array(text, { minLength: 1, maxLength: 4 }),
        lineEnd,
        cuts,
        async (pre, datas, eol, at) => {
          const body = pre.join("") + datas.map((d) => `data: {"delta":${JSON.stringify(d)}}${eol}${eol}`).join("");
          const bytes = encoder.encode(body);
          const out = await createContractFetch({ fetch: () => Promise.resolve(streamOf(chunked(bytes, at))) })(
            "http://x/",
          );
          expect(new Uint8Array(await out.arrayBuffer())).toEqual(bytes);
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });

  it("a first error event is thrown as an APICallError with the catalog's decision, its data and status", async () => {
    await fc.assert(
      fc.asyncProperty(preamble, errorEvent, lineEnd, cuts, async (pre, e, eol, at) => {
        const { data, text: event } = errorText(e, eol);
        const bytes = encoder.encode(pre.join("") + event + `data: {"after":1}${eol}${eol}`);
        const error = await createContractFetch({ fetch: () => Promise.resolve(streamOf(chunked(bytes, at))) })(
          "http://x/",
        ).then(
          () => expect.fail("resolved"),
          (x: unknown) => x,
        );
        expect(APICallError.isInstance(error)).toBe(true);
        const call = error as APICallError;
        expect(call.isRetryable).toBe(expectedRetryable(e));
        expect(call.data).toEqual(data);
        // The server's message as one line, runs of white space as one space (ApiError.detail).
        expect(call.message).toBe(e.message.replace(/\s+/g, " ").trim());
        expect(call.statusCode).toBe(e.code === null ? undefined : codeToHttpStatus(e.code));
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});
