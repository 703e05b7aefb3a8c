/**
 * fast-check arbitraries for what a handler throws (see `thrown.ts` for the values): a
 * ContractError of any catalog code and allowed status with upstream headers, http-errors /
 * Hono HTTPException with auth and Retry-After headers, plain Errors and non-Errors carrying
 * a secret, and hostile values.
 */
import { ERROR_CATALOG, type ErrorCode } from "@org/error-types";
import fc from "fast-check";
import type { Adapter, Thrown } from "./plan.js";
import { secretMessageArb } from "./secrets.js";

const CODES = Object.keys(ERROR_CATALOG) as ErrorCode[];
// Headers an upstream's answer may carry, copied onto a ContractError: representation ones
// (must be dropped) and an ordinary one (kept).
const ERROR_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ["transfer-encoding", "chunked"],
  ["content-encoding", "gzip"],
  ["content-range", "bytes 0-1/2"],
  ["etag", '"upstream-v2"'],
  ["x-upstream", "gateway-1"],
];

const contractArb: fc.Arbitrary<Thrown> = fc
  .tuple(
    fc
      .constantFrom(...CODES)
      .chain((code) => fc.tuple(fc.constant(code), fc.constantFrom(...ERROR_CATALOG[code].statuses))),
    fc.option(secretMessageArb, { nil: undefined }),
    fc.subarray([...ERROR_HEADERS]),
  )
  .map(([[code, status], secret, headers]) => ({
    kind: "contract",
    code,
    status,
    // A 4xx message is shown as written (redact: "5xx"): secrets go in 5xx messages only.
    message: secret && status >= 500 ? secret.message : secret ? "the request was refused" : undefined,
    secret: secret && status >= 500 ? secret.secret : undefined,
    headers: Object.fromEntries(headers),
  }));

const httpErrorArb: fc.Arbitrary<Thrown> = fc
  .tuple(
    fc.constantFrom(401, 404, 429, 503) as fc.Arbitrary<401 | 404 | 429 | 503>,
    fc.option(secretMessageArb, { nil: undefined }),
  )
  .map(([status, secret]) => ({
    kind: "http-error",
    status,
    message: secret?.message ?? "Unauthorized",
    secret: secret?.secret,
    headers:
      status === 401
        ? { "WWW-Authenticate": 'Basic realm="api", charset="UTF-8"' }
        : status === 404
          ? {}
          : { "Retry-After": status === 429 ? "30" : "120" },
  }));

// Thrown null/undefined never reach these adapters: Express takes them for "no error", and
// Nest's own exception handler reads `exception.constructor` before any filter runs.
const NO_ERROR_FOR: ReadonlySet<Adapter> = new Set<Adapter>(["express", "nest"]);

/** What a handler on `adapter` may throw. */
export const thrownArb = (adapter: Adapter): fc.Arbitrary<Thrown> =>
  fc.oneof(
    { weight: 3, arbitrary: contractArb },
    { weight: 2, arbitrary: httpErrorArb },
    {
      weight: 2,
      arbitrary: secretMessageArb.map(({ message, secret }): Thrown => ({ kind: "plain", message, secret })),
    },
    // An app's own message that names JSON is not a body that failed to parse (issue 21, item 7).
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(
          [400, "settings must be a JSON object"],
          [400, "response_format: JSON mode needs the word JSON in a message"],
          [400, "max_tokens must be a positive integer"],
          [404, "model gpt-x was not found"],
        )
        .map(([status, message]): Thrown => ({
          kind: "nest-http",
          status: status as 400 | 404,
          message: message as string,
        })),
    },
    { weight: 1, arbitrary: secretMessageArb.map(({ secret }): Thrown => ({ kind: "string", secret })) },
    { weight: 1, arbitrary: secretMessageArb.map(({ secret }): Thrown => ({ kind: "object", secret })) },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom("number", "null", "undefined", "revoked-proxy", "throwing-getters", "throwing-status")
        .filter((kind) => !NO_ERROR_FOR.has(adapter) || (kind !== "null" && kind !== "undefined"))
        .map((kind) => ({ kind }) as Thrown),
    },
  );
