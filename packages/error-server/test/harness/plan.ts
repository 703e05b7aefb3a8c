/**
 * What one generated case is: the adapter, what the app did before it failed, what it threw,
 * how its hooks behave and what the client sent. Plain data (fast-check prints and shrinks
 * it); `apps.ts` performs it and `invariants.ts` judges the answer against it.
 */
import type { Secret } from "./secrets.js";

/** The six adapters under test. */
export const ADAPTERS = ["node", "http2", "express", "fastify", "hono", "nest"] as const;
export type Adapter = (typeof ADAPTERS)[number];

/** Which class of header the app set: the invariants keep some classes and drop others. */
export type HeaderClass = "vary" | "cors" | "cookie" | "connection" | "framing" | "caching" | "custom";

/** A header the app set before failing, through one of its framework's APIs (`api` picks which). */
export interface AppHeader {
  cls: HeaderClass;
  name: string;
  value: string;
  api: number;
}

/** How the status was set: not at all, staged (in memory) or flushed to the socket. */
export interface StatusStep {
  code: number;
  how: "staged" | "writeHead" | "flushed";
}

/** What the body had received: nothing, a partial body, or a started SSE stream cut mid-event. */
export type BodyStep = "none" | "partial" | "sse-complete" | "sse-open-line" | "sse-open-event";

/** What the app did before the failure. */
export interface Before {
  headers: AppHeader[];
  status: StatusStep | undefined;
  /** A stale `res.statusMessage` (node-based adapters). */
  statusMessage: string | undefined;
  body: BodyStep;
  /** The app destroyed the response itself before throwing (node-based adapters). */
  destroy: boolean;
}

/** What is thrown (or, after an SSE stream started, handed to `sendSseError`). */
export type Thrown =
  | {
      kind: "contract";
      code: string;
      status: number;
      message: string | undefined;
      secret: Secret | undefined;
      headers: Record<string, string>;
    }
  | {
      kind: "http-error";
      status: 401 | 404 | 429 | 503;
      message: string;
      secret: Secret | undefined;
      headers: Record<string, string>;
    }
  | { kind: "plain"; message: string; secret: Secret }
  /** Nest's HttpException (http-errors elsewhere) with an app's own 4xx message. */
  | { kind: "nest-http"; status: 400 | 404; message: string }
  | { kind: "string"; secret: Secret }
  | { kind: "object"; secret: Secret }
  | { kind: "number" | "null" | "undefined" | "revoked-proxy" | "throwing-getters" | "throwing-status" };

/** How a hook behaves: answers, throws, or returns a rejected promise. */
export type HookMode = "ok" | "throw" | "reject";

/** The hooks of the case. `getRequestId` set means the case runs on the app built with that hook. */
export interface Hooks {
  onError: HookMode;
  generateRequestId: HookMode | "absent";
  getRequestId: HookMode | "absent";
}

/**
 * Accept headers whose answer must be the envelope: JSON asked, a wildcard, and a quoted comma
 * whose inside reads like a preference for problem+json to a splitter that ignores quotes.
 */
export const ENVELOPE_ACCEPTS: readonly string[] = [
  "application/json",
  'application/json; note="a,application/problem+json"',
  'text/plain; note="x, application/problem+json; q=1; y=z", application/json;q=0.9',
  "text/html, */*;q=0.1",
];
/** Accept headers whose answer must be problem+json. */
export const PROBLEM_ACCEPTS: readonly string[] = [
  "application/problem+json",
  "application/problem+json, application/json;q=0.5",
];

/**
 * The route's dialect, as the adapter's `dialect` function answers it for the case: a
 * dialect, or a failure of that hook (a throw, a value that is no dialect, a rejected promise),
 * which must fall back to the default dialect.
 */
export const DIALECT_CHOICES = ["openai", "anthropic", "gemini", "hook-throws", "hook-junk", "hook-rejects"] as const;
export type DialectChoice = (typeof DIALECT_CHOICES)[number];
/** The dialects of the harness (the package's, as a client of the SDKs names them). */
export type HarnessDialect = "openai" | "anthropic" | "gemini";

/** The dialect a route answers in for `choice`: a failed hook falls back to the default, openai. */
export function effectiveDialect(choice: DialectChoice): HarnessDialect {
  return choice === "anthropic" || choice === "gemini" ? choice : "openai";
}

/** A request-id header line the client sends. */
export type IdValue = "valid" | "invalid" | "too-long";

/** What the client sent. */
export interface Request {
  method: "GET" | "HEAD";
  accept: string[];
  /** `x-request-id` lines (zero, one or two). */
  requestId: IdValue[];
  /** `x-oneapi-request-id` line, if any. */
  oneapiId: IdValue | undefined;
  origin: string | undefined;
  /** The route's dialect (the adapter's per-route `dialect` function answers it). */
  dialect: DialectChoice;
}

/** One generated case. */
export interface Plan {
  adapter: Adapter;
  before: Before;
  thrown: Thrown;
  hooks: Hooks;
  request: Request;
}

/** True when the app's own steps put bytes of the response on the wire before the failure. */
export function started(before: Before): boolean {
  return before.status?.how === "flushed" || before.body !== "none";
}

/** True for the SSE cases: the failure is reported with `sendSseError` inside the stream. */
export function isSse(before: Before): boolean {
  return before.body.startsWith("sse-");
}

/** A request id of the given kind, distinct per case and header so that the invariants can tell them apart. */
export function idText(kind: IdValue, salt: string): string {
  switch (kind) {
    case "valid":
      return `req-${salt}`;
    case "invalid":
      return `bad id ${salt}`;
    case "too-long":
      return `long-${salt}-${"x".repeat(220)}`;
  }
}
