/**
 * fast-check arbitraries for `Plan`s, per adapter: each framework gets only the steps its
 * APIs can take (no flush on Hono, no `Connection` header on http2, ...).
 */
import fc from "fast-check";
import { thrownArb } from "./arb-thrown.js";
import {
  type Adapter,
  type AppHeader,
  type Before,
  type DialectChoice,
  ENVELOPE_ACCEPTS,
  type HeaderClass,
  type Hooks,
  type IdValue,
  type Plan,
  PROBLEM_ACCEPTS,
  type Request,
} from "./plan.js";

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
// node:http, and Express and Nest over it: every step, through three header APIs.
const NODE_LIKE: Abilities = {
  apis: 3,
  statuses: ["staged", "writeHead", "flushed"],
  statusMessage: true,
  connection: true,
  bodies: NODE_BODIES,
  destroy: true,
};
const ABILITIES: Record<Adapter, Abilities> = {
  node: NODE_LIKE,
  // http2's writeHead sends the head at once: it is "flushed"; Connection is forbidden there.
  http2: {
    apis: 2,
    statuses: ["staged", "flushed"],
    statusMessage: false,
    connection: false,
    bodies: NODE_BODIES,
    destroy: true,
  },
  express: NODE_LIKE,
  fastify: {
    apis: 3,
    statuses: ["staged", "flushed"],
    statusMessage: false,
    connection: true,
    bodies: NODE_BODIES,
    destroy: false,
  },
  hono: { apis: 2, statuses: ["staged"], statusMessage: false, connection: false, bodies: ["none"], destroy: false },
  nest: NODE_LIKE,
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
    headers: fc
      .tuple(
        fc.uniqueArray(headerArb(a), { maxLength: 6, selector: (h) => `${h.name}=${h.value}` }),
        // Two cookies, and all headers through one API (writeHead's object alone is its own code path).
        fc.boolean(),
        fc.option(fc.nat({ max: a.apis - 1 }), { nil: undefined }),
      )
      .map(([headers, cookies, api]) => {
        const all = cookies
          ? [...HEADERS.cookie.map(([name, value]) => ({ cls: "cookie" as const, name, value, api: 0 })), ...headers]
          : headers;
        const unique = all.filter((h, i) => all.findIndex((o) => o.name === h.name && o.value === h.value) === i);
        return api === undefined ? unique : unique.map((h) => ({ ...h, api }));
      }),
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

const hookArb = fc.constantFrom("ok", "throw", "reject") as fc.Arbitrary<"ok" | "throw" | "reject">;
const hooksArb: fc.Arbitrary<Hooks> = fc.record({
  onError: hookArb,
  generateRequestId: fc.oneof(fc.constant("absent" as const), hookArb),
  getRequestId: fc.oneof({ weight: 3, arbitrary: fc.constant("absent" as const) }, { weight: 2, arbitrary: hookArb }),
});

const ACCEPTS = [...ENVELOPE_ACCEPTS, ...PROBLEM_ACCEPTS];
const idArb = fc.constantFrom("valid", "invalid", "too-long") as fc.Arbitrary<IdValue>;
/** What a client sends: method, Accept lines, request-id lines, Origin. */
export const requestArb: fc.Arbitrary<Request> = fc.record({
  method: fc.constantFrom("GET", "GET", "HEAD") as fc.Arbitrary<"GET" | "HEAD">,
  accept: fc.array(fc.constantFrom(...ACCEPTS), { maxLength: 2 }),
  requestId: fc.array(idArb, { maxLength: 2 }),
  oneapiId: fc.option(idArb, { nil: undefined }),
  origin: fc.option(fc.constant("https://app.example"), { nil: undefined }),
  // Mostly a dialect; one case in five a failing dialect hook.
  dialect: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom("openai", "anthropic", "gemini") },
    { weight: 1, arbitrary: fc.constantFrom("hook-throws", "hook-junk", "hook-rejects") },
  ) as fc.Arbitrary<DialectChoice>,
});

/** Every plan for `adapter`. */
export function planArb(adapter: Adapter): fc.Arbitrary<Plan> {
  const a = ABILITIES[adapter];
  return fc
    .record({ before: beforeArb(a), thrown: thrownArb(adapter), hooks: hooksArb, request: requestArb })
    .map((parts) => ({ adapter, ...parts }));
}
