import { describe, expect, it } from "vitest";
import { ContractCallError, createContractFetch } from "../src/ai-sdk/index.js";
import { fetchWithContract, parseErrorBody, parseErrorResponse, readSseEvents } from "../src/index.js";
import { retryAfterMsFrom } from "../src/retry-after.js";
import { rejection } from "./faults/invariants.js";

// A Retry-After date is read by every reading of the package but `parseErrorResponse`, whose
// browser bundle (the 3 KB goal's pair) leaves the date grammar out: a date there gives
// `retryAfterMs: null`, and seconds and `retry-after-ms` are read everywhere. Each reading is
// given the same answer: a 503 whose Retry-After is a date about a minute ahead.
const AHEAD_MS = 60_000;
const dated = (): Record<string, string> => ({ "retry-after": new Date(Date.now() + AHEAD_MS).toUTCString() });
const URL_ = "http://127.0.0.1:1/v1/chat/completions";
const ENVELOPE = JSON.stringify({
  error: { message: "no channel", type: "upstream_error", code: "get_channel_failed" },
});

/** About a minute: the date has whole seconds, and the test takes some ms. */
const expectAboutAMinute = (ms: number | null): void => {
  expect(ms).not.toBeNull();
  expect(ms).toBeGreaterThan(AHEAD_MS - 5_000);
  expect(ms).toBeLessThanOrEqual(AHEAD_MS);
};

const readings: [string, () => Promise<number | null>][] = [
  [
    "fetchWithContract (an error status)",
    async () => {
      const fetch = () => Promise.resolve(new Response("busy", { status: 503, headers: dated() }));
      return (await rejection(fetchWithContract(URL_, undefined, { fetch, retry: false }))).retryAfterMs;
    },
  ],
  [
    "fetchWithContract (an error envelope in a 200)",
    async () => {
      // Only a body of a declared length is looked at for an error (a stream never waits).
      const headers = { ...dated(), "content-type": "application/json", "content-length": String(ENVELOPE.length) };
      const fetch = () => Promise.resolve(new Response(ENVELOPE, { status: 200, headers }));
      return (await rejection(fetchWithContract(URL_, undefined, { fetch, retry: false }))).retryAfterMs;
    },
  ],
  [
    "readSseEvents (an error status)",
    async () => {
      const events = readSseEvents(new Response("busy", { status: 503, headers: dated() }));
      return (await rejection(events.next())).retryAfterMs;
    },
  ],
  [
    "readSseEvents (a JSON error instead of a stream)",
    async () => {
      const headers = { ...dated(), "content-type": "application/json" };
      const events = readSseEvents(new Response(ENVELOPE, { status: 200, headers }));
      return (await rejection(events.next())).retryAfterMs;
    },
  ],
  [
    "readSseEvents (an error event in a stream)",
    async () => {
      const headers = { ...dated(), "content-type": "text/event-stream" };
      const events = readSseEvents(new Response(`event: error\ndata: ${ENVELOPE}\n\n`, { status: 200, headers }));
      return (await rejection(events.next())).retryAfterMs;
    },
  ],
  [
    "the AI SDK adapter",
    async () => {
      const wrapped = createContractFetch({
        fetch: () => Promise.resolve(new Response("busy", { status: 503, headers: dated() })),
      });
      // The adapter throws the SDK's error class (its ApiError is the cause), so not `rejection`.
      const error: unknown = await wrapped(URL_).then(
        () => expect.unreachable("resolved"),
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ContractCallError);
      return (error as ContractCallError).cause.retryAfterMs;
    },
  ],
  [
    "parseErrorBody",
    () => Promise.resolve(parseErrorBody({ status: 503, headers: dated(), body: "busy" }).retryAfterMs),
  ],
];

describe("a Retry-After date: read by every reading but parseErrorResponse", () => {
  it.each(readings)("%s reads it", async (_name, read) => {
    expectAboutAMinute(await read());
  });

  it("parseErrorResponse does not read it (retryAfterMs null); its status and detail are as before", async () => {
    const error = await parseErrorResponse(new Response("busy", { status: 503, headers: dated() }));
    expect(error.retryAfterMs).toBeNull();
    expect(error.status).toBe(503);
    expect(error.detail).toBe("busy");
  });

  it.each([
    { headers: { "retry-after": "30" }, want: 30_000 },
    { headers: { "retry-after-ms": "1500", "retry-after": "30" }, want: 1_500 },
    { headers: { "retry-after": "0" }, want: 0 },
  ])("parseErrorResponse reads seconds and retry-after-ms: $headers", async ({ headers, want }) => {
    expect((await parseErrorResponse(new Response("", { status: 429, headers }))).retryAfterMs).toBe(want);
  });
});

describe("retryAfterMsFrom: a date reader never changes the outcome", () => {
  const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);
  const headers = { get: (name: string) => (name === "retry-after" ? "Mon, 07 Dec 2026 12:00:30 GMT" : null) };

  it.each([
    [
      "a reader that throws",
      () => {
        throw new Error("boom");
      },
    ],
    ["NaN", () => NaN],
    ["Infinity", () => Infinity],
    ["a numeric string", () => "30000" as unknown as number],
    ["a promise", () => Promise.resolve(NOW) as unknown as number],
    ["undefined", () => undefined as unknown as number],
  ])("%s reads no date (null)", (_name, reader) => {
    expect(retryAfterMsFrom(headers, NOW, reader)).toBeNull();
  });

  it("no reader reads no date; a reader's date in the future is a delay, in the past 0 (before 1970 too)", () => {
    expect(retryAfterMsFrom(headers, NOW)).toBeNull();
    expect(retryAfterMsFrom(headers, NOW, () => NOW + 30_000)).toBe(30_000);
    expect(retryAfterMsFrom(headers, NOW, () => -1e12)).toBe(0);
  });
});
