/**
 * Whatever a provider may send: statuses, headers, JSON of every shape providers use (and
 * random JSON), text, bytes and event streams, with generated secrets (error-server's secret
 * corpus, imported, not copied) put where a provider's texts go: messages, codes, types and
 * its request-id header.
 */
import { ERROR_CODES } from "@org/error-types";
import fc from "fast-check";
import { secretArbitrary, type SecretForm } from "../../../error-server/test/helpers/secret-corpus.js";
import { UPSTREAM_PROVIDERS } from "../../dist/index.js";
import type { Replay } from "./fake-provider.js";

/** One generated provider answer, and the secrets that must not reach the caller. */
export interface ProviderCase {
  provider: string;
  dialect: "openai" | "anthropic";
  replay: Replay;
  secrets: readonly string[];
  /** The provider said `x-should-retry: false` (the answer must not be retryable). */
  saidNoRetry: boolean;
}

const token = fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz_ABC:.-0123456789"), maxLength: 24 });
const text = fc.oneof(fc.string({ maxLength: 60 }), token);

/** A text a provider writes: plain, or one holding a generated secret. */
const said = (secrets: SecretForm): fc.Arbitrary<string> => fc.oneof(text, fc.constant(secrets.text));

const errorShapes = (s: SecretForm): fc.Arbitrary<unknown> => {
  const code = fc.oneof(token, fc.integer({ min: -5, max: 600 }), fc.constantFrom(...ERROR_CODES), said(s));
  const type = fc.oneof(token, said(s), fc.constantFrom("rate_limit_error", "overloaded_error", "insufficient_quota"));
  return fc.oneof(
    fc.record({ error: fc.record({ message: said(s), type, code, param: fc.constant(null) }) }),
    fc.record({ type: fc.constant("error"), error: fc.record({ type, message: said(s) }) }),
    fc
      .record({ error: fc.record({ code: fc.integer({ min: 400, max: 599 }), message: said(s), status: type }) })
      .chain((g) => fc.constantFrom(g, [g])),
    fc.record({ error: said(s).filter((e) => e !== "") }),
    fc.record({ error: fc.record({ message: said(s) }, { requiredKeys: [] }) }),
  );
};

const headerValue = (s: SecretForm): fc.Arbitrary<string> =>
  fc.oneof(token, fc.constant(s.text.replace(/[\r\n]/g, " ").replace(/[^\t\x20-\x7e]/g, "")), fc.nat().map(String));

const headers = (s: SecretForm): fc.Arbitrary<Record<string, string>> =>
  fc.record(
    {
      "x-request-id": headerValue(s),
      "request-id": headerValue(s),
      "retry-after": fc.oneof(
        fc.nat({ max: 10_000_000 }).map(String),
        token,
        fc.constant("Wed, 21 Oct 2099 07:28:00 GMT"),
      ),
      "retry-after-ms": fc.oneof(fc.nat().map(String), token),
      "x-ms-retry-after-ms": fc.nat().map(String),
      "x-should-retry": fc.constantFrom("true", "false", "maybe"),
      "x-error-code": fc.oneof(fc.constantFrom(...ERROR_CODES), token),
      "x-amzn-errortype": fc.oneof(token, fc.constant("ThrottlingException:http://internal.amazon.com/coral/")),
      "content-type": fc.constantFrom(
        "application/json",
        "text/html",
        "text/plain; charset=utf-8",
        "application/problem+json",
      ),
    },
    { requiredKeys: [] },
  );

/** An event stream: ordinary events, maybe an error event (either dialect's form), maybe cut short. */
const stream = (s: SecretForm): fc.Arbitrary<string[]> =>
  fc
    .tuple(
      fc.array(
        fc.constantFrom('data: {"choices":[{"delta":{"content":"hi"}}]}', "event: ping", "data: {}", ": c", ""),
        {
          maxLength: 6,
        },
      ),
      errorShapes(s),
      fc.constantFrom("openai", "anthropic", "none", "garbage"),
    )
    .map(([lines, shape, form]) => {
      const data = `data: ${JSON.stringify(shape)}`;
      if (form === "openai") return [...lines, "", data, ""];
      if (form === "anthropic") return [...lines, "", "event: error", data, ""];
      if (form === "garbage") return [...lines, "", "event: error", `data: ${s.text.replace(/[\r\n]/g, " ")}`, ""];
      return lines;
    });

/** Bodies: provider error shapes, random JSON (error statuses only), HTML or text, raw bytes, nothing. */
const body = (s: SecretForm, error: boolean): fc.Arbitrary<unknown> =>
  fc.oneof(
    errorShapes(s),
    fc.constant(`<html><body><h1>502 Bad Gateway</h1>${s.text}</body></html>`),
    fc.constant(""),
    // Bytes: invalid UTF-8, NULs, a BOM, a cut multi-byte character.
    fc.uint8Array({ maxLength: 200 }),
    ...(error ? [fc.jsonValue({ maxDepth: 3 }), fc.string({ maxLength: 80 })] : []),
  );

/** The generator of provider answers (no transport failures: the table covers those). */
export const providerCaseArbitrary: fc.Arbitrary<ProviderCase> = fc
  .tuple(
    fc.constantFrom(...UPSTREAM_PROVIDERS),
    fc.constantFrom("openai", "anthropic") as fc.Arbitrary<"openai" | "anthropic">,
    fc.oneof(
      fc.constantFrom(200, 400, 401, 402, 403, 404, 408, 413, 429, 500, 502, 503, 504, 529),
      // 407 never reaches a gateway on Node's fetch: undici turns it into "fetch failed" (no headers).
      fc.integer({ min: 200, max: 599 }).filter((s) => s !== 407),
    ),
    secretArbitrary,
  )
  .chain(([provider, dialect, status, s]) =>
    fc.tuple(headers(s), fc.boolean(), body(s, status >= 400), stream(s)).map(([h, streamed, b, lines]) => {
      const replay: Replay = { status, headers: h };
      if (streamed && status < 300) {
        replay.stream = lines;
        h["content-type"] = "text/event-stream";
      } else replay.body = b;
      // Statuses without a body in HTTP carry none here either.
      if (status === 204 || status === 205 || status === 304) delete replay.body;
      return { provider, dialect, replay, secrets: s.secrets, saidNoRetry: h["x-should-retry"] === "false" };
    }),
  );
