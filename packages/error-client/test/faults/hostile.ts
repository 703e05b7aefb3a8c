import fc from "fast-check";
import { ERROR_CODES } from "@org/error-types";

/** Text built to break a log line, a terminal or a link: controls, escapes, bidi, separators, lone surrogates, length. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.constantFrom(
    "x\r\n2025-01-01 INFO payment approved",
    "\u001b[31mred\u001b[0m",
    "\u202eevil\u202c",
    "a\u2028b\u2029c",
    "\u009b2J",
    "\ud800lone",
    "emoji 🎉".repeat(300),
    "x".repeat(70_000),
  ),
);

/** Values a body may put in `doc_url`: hostile ones and good ones. */
export const docUrls: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "/relative/path",
    "//evil.example/x",
    "https://docs.example/errors#a\r\nb",
    "https://docs.example/ spaced",
    `https://docs.example/${"a".repeat(60_000)}`,
    "https://docs.example/errors#model_not_found",
    "http://docs.example/e",
    "",
    42,
    null,
  ),
  fc.webUrl(),
  hostileText,
);

/** An error envelope with hostile members, and the headers it comes with. */
export const hostileEnvelope = fc.record({
  // Not 407 or 421, which undici handles itself: a 407 becomes a network error (no proxy to
  // authenticate to) that leaves the unread connection to its pool, and a 421 (misdirected) is
  // sent again on a new connection. Neither is a response the client ever sees as such.
  status: fc.oneof(
    fc.integer({ min: 400, max: 599 }).filter((s) => s !== 407 && s !== 421),
    fc.constant(200),
  ),
  message: hostileText,
  type: hostileText,
  param: fc.option(hostileText, { nil: undefined }),
  code: fc.oneof(fc.constantFrom(...ERROR_CODES), hostileText),
  docUrl: docUrls,
  shouldRetry: fc.constantFrom(undefined, "true", "false"),
  retryAfterMs: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
  requestId: fc.option(hostileText, { nil: undefined }),
});
export type HostileEnvelope = typeof hostileEnvelope extends fc.Arbitrary<infer T> ? T : never;

/** The header-safe form of a hostile text (header values cannot carry CR, LF or NUL). */
export const headerSafe = (s: string): string =>
  Buffer.from(s.replace(/[\0-\x1f\x7f]/g, " "), "utf8")
    .toString("latin1")
    .slice(0, 4_000);
