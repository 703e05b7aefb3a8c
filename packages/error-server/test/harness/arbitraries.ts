/**
 * fast-check arbitraries for `Plan`s, per adapter: each framework gets only the steps its
 * APIs can take (no flush on Hono, no `Connection` header on http2, ...).
 */
import { ERROR_CATALOG, type ErrorCode } from "@org/error-types";
import fc from "fast-check";
import type { Adapter, AppHeader, Before, HeaderClass, Hooks, IdValue, Plan, Request, Thrown } from "./plan.js";
import { secretMessageArb } from "./secrets.js";

interface Abilities {
  /** How many header APIs the framework has (see `apps.ts` for which is which). */
  apis: number;
  statuses: readonly StatusHow[];
  statusMessage: boolean;
  connection: boolean;
  bodies: readonly Before["body"][];
  destroy: boolean;
}
type StatusHow = "staged" | "writeHead" | "flushed";

const NODE_BODIES = ["none", "partial", "sse-complete", "sse-open-line", "sse-open-event"] as const;
const ABILITIES: Record<Adapter, Abilities> = {
  node: {
    apis: 3,
    statuses: ["staged", "writeHead", "flushed"],
    statusMessage: true,
    connection: true,
    bodies: NODE_BODIES,
    destroy: true,
  },
  // http2's writeHead sends the head at once: it is "flushed"; Connection is forbidden there.
  http2: {
    apis: 2,
    statuses: ["staged", "flushed"],
    statusMessage: false,
    connection: false,
    bodies: NODE_BODIES,
    destroy: true,
  },
  express: {
    apis: 3,
    statuses: ["staged", "writeHead", "flushed"],
    statusMessage: true,
    connection: true,
    bodies: NODE_BODIES,
    destroy: true,
  },
  fastify: {
    apis: 3,
    statuses: ["staged", "flushed"],
    statusMessage: false,
    connection: true,
    bodies: NODE_BODIES,
    destroy: false,
  },
  hono: { apis: 2, statuses: ["staged"], statusMessage: false, connection: false, bodies: ["none"], destroy: false },
  nest: {
    apis: 3,
    statuses: ["staged", "writeHead", "flushed"],
    statusMessage: true,
    connection: true,
    bodies: NODE_BODIES,
    destroy: true,
  },
};

// The headers an app sets, by class: kept ones (vary, cors, cookie, connection, custom) and
// the failed representation's (framing, caching), which must not survive onto the error.
const HEADERS: Record<HeaderClass, ReadonlyArray<readonly [string, string]>> = {
  vary: [
    ["vary", "Origin"],
    ["vary", "Accept-Encoding"],
    ["vary", "X-Tenant, Origin"],
  ],
  cors: [
    ["access-control-allow-origin", "https://app.example"],
    ["access-control-allow-credentials", "true"],
    ["access-control-expose-headers", "x-request-id, x-app-trace"],
  ],
  cookie: [
    ["set-cookie", "sid=s1; Path=/; HttpOnly"],
    ["set-cookie", "theme=dark; Path=/"],
  ],
  connection: [["connection", "close"]],
  framing: [
    ["content-length", "12"],
    ["transfer-encoding", "chunked"],
    ["content-encoding", "gzip"],
    ["content-range", "bytes 0-11/12"],
    ["content-type", "text/plain; charset=utf-8"],
    ["content-language", "de"],
  ],
  caching: [
    ["cache-control", "public, max-age=86400"],
    ["cdn-cache-control", "max-age=86400"],
    ["surrogate-control", "max-age=86400"],
    ["etag", '"app-v1"'],
    ["last-modified", "Wed, 21 Oct 2015 07:28:00 GMT"],
    ["location", "/v1/models/app-created"],
  ],
  custom: [["x-app-trace", "trace-7"]],
};

function headerArb(a: Abilities): fc.Arbitrary<AppHeader> {
  const classes = (Object.keys(HEADERS) as HeaderClass[]).filter((c) => a.connection || c !== "connection");
  return fc
    .constantFrom(...classes)
    .chain((cls) =>
      fc
        .tuple(fc.constantFrom(...HEADERS[cls]), fc.nat({ max: a.apis - 1 }))
        .map(([[name, value], api]) => ({ cls, name, value, api })),
    );
}

function beforeArb(a: Abilities): fc.Arbitrary<Before> {
  // Flushed is one way in four at most: a flushed head leaves little to check but the truncation.
  const how = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...a.statuses.filter((s) => s !== "flushed")) },
    fc.constantFrom(...a.statuses),
  );
  const status = fc.record({ code: fc.constantFrom(200, 201, 204, 304, 404), how });
  return fc.record({
    // Unique by name and value: the same header twice says nothing new.
    headers: fc.uniqueArray(headerArb(a), { maxLength: 6, selector: (h) => `${h.name}=${h.value}` }),
    status: fc.option(status, { nil: undefined }),
    statusMessage: a.statusMessage ? fc.option(fc.constant("All Good"), { nil: undefined }) : fc.constant(undefined),
    // Mostly nothing written yet: the answered cases carry most invariants.
    body: fc.oneof(
      { weight: 6, arbitrary: fc.constant("none" as const) },
      { weight: a.bodies.length > 1 ? 4 : 0, arbitrary: fc.constantFrom(...a.bodies) },
    ),
    destroy: a.destroy
      ? fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) })
      : fc.constant(false),
  });
}

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

const thrownArb = (adapter: Adapter): fc.Arbitrary<Thrown> =>
  fc.oneof(
    { weight: 3, arbitrary: contractArb },
    { weight: 2, arbitrary: httpErrorArb },
    {
      weight: 2,
      arbitrary: secretMessageArb.map(({ message, secret }): Thrown => ({ kind: "plain", message, secret })),
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

const hookArb = fc.constantFrom("ok", "throw", "reject") as fc.Arbitrary<"ok" | "throw" | "reject">;
const hooksArb: fc.Arbitrary<Hooks> = fc.record({
  onError: hookArb,
  generateRequestId: fc.oneof(fc.constant("absent" as const), hookArb),
  getRequestId: fc.oneof({ weight: 3, arbitrary: fc.constant("absent" as const) }, { weight: 2, arbitrary: hookArb }),
});

const ACCEPTS = [
  "application/json",
  "application/problem+json",
  "application/problem+json, application/json;q=0.5",
  'application/json; note="a,application/problem+json"',
  "text/html, */*;q=0.1",
];
const idArb = fc.constantFrom("valid", "invalid", "too-long") as fc.Arbitrary<IdValue>;
const requestArb: fc.Arbitrary<Request> = fc.record({
  method: fc.constantFrom("GET", "GET", "HEAD") as fc.Arbitrary<"GET" | "HEAD">,
  accept: fc.array(fc.constantFrom(...ACCEPTS), { maxLength: 2 }),
  requestId: fc.array(idArb, { maxLength: 2 }),
  oneapiId: fc.option(idArb, { nil: undefined }),
  origin: fc.option(fc.constant("https://app.example"), { nil: undefined }),
});

/** Every plan for `adapter`. */
export function planArb(adapter: Adapter): fc.Arbitrary<Plan> {
  const a = ABILITIES[adapter];
  return fc
    .record({ before: beforeArb(a), thrown: thrownArb(adapter), hooks: hooksArb, request: requestArb })
    .map((parts) => ({ adapter, ...parts }));
}
