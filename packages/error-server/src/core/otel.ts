/**
 * OpenTelemetry instrumentation without importing `@opentelemetry/api`.
 *
 * Why the API's global registry and not `import("@opentelemetry/api")` or `require`: every
 * 1.x copy of the API (ESM or CJS build, any installed version) registers the SDK's context
 * manager under `Symbol.for("opentelemetry.js.api.1")` and keeps the active span in the
 * context under `Symbol.for("OpenTelemetry Context Key SPAN")`: that is how separate copies of
 * the API find each other, so the keys are stable for the whole 1.x line. Reading them is
 * synchronous (a dynamic import is not, and the first error would miss its span), works the
 * same from the ESM and the CJS build, in Workers and bundlers (no `require`, no `node:module`),
 * and costs one property read when no SDK is registered. With the API absent, or present with
 * no SDK registered, the registry holds no context manager and every function here is a no-op.
 */

import { redactedException } from "./redact-exception.js";

const API_KEY = Symbol.for("opentelemetry.js.api.1");
const SPAN_KEY = Symbol.for("OpenTelemetry Context Key SPAN");

/** `SpanStatusCode.ERROR` of the API (a stable enum value of the specification). */
const STATUS_ERROR = 2;

/** The part of an OpenTelemetry `Span` this package uses. */
export interface SpanLike {
  setAttribute(key: string, value: string | number | boolean): unknown;
  setStatus(status: { code: number; message?: string }): unknown;
  recordException(exception: unknown): void;
  isRecording(): boolean;
}

/** The part of an OpenTelemetry `Context` read here. */
interface ContextLike {
  getValue(key: symbol): unknown;
}

const isSpan = (value: unknown): value is SpanLike =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as SpanLike).setAttribute === "function" &&
  typeof (value as SpanLike).setStatus === "function" &&
  typeof (value as SpanLike).recordException === "function" &&
  typeof (value as SpanLike).isRecording === "function";

/**
 * The active, recording span of the registered OpenTelemetry SDK, or undefined (no API, no
 * SDK, no active span, a non-recording one). Never throws.
 */
export function activeSpan(): SpanLike | undefined {
  try {
    const api = (globalThis as Record<symbol, unknown>)[API_KEY] as
      { context?: { active?: () => ContextLike | undefined } } | undefined;
    const manager = api?.context;
    if (typeof manager?.active !== "function") return undefined;
    const context = manager.active();
    // The context manager is whatever another copy of the API registered: checked, not trusted.
    const span = typeof context?.getValue === "function" ? context.getValue(SPAN_KEY) : undefined;
    return isSpan(span) && span.isRecording() ? span : undefined;
  } catch {
    return undefined;
  }
}

/** What a server answered for an error. */
export interface ErrorOutcome {
  /** The response status. */
  status: number;
  /** The response's business code, or null. */
  code: string | null;
  /** The original error. */
  error: unknown;
  /** True when the error was not a ContractError: its exception is recorded. */
  unexpected: boolean;
  /**
   * How the recorded exception's message is masked: a function, or null for not at all.
   * Default: `redactSecrets` for a 5xx (the `redact` option's default), none below.
   */
  redact?: ((text: string) => string) | null | undefined;
}

/**
 * Records an error response on the active span as the HTTP semantic conventions ask:
 * `error.type` (the business code, else the status as a string: low cardinality),
 * `http.response.status_code`, status ERROR only for 5xx (a 4xx is the client's failure,
 * not the server span's), and the exception for unexpected errors. Never throws; a no-op
 * without a registered SDK.
 */
export function recordErrorOnActiveSpan(outcome: ErrorOutcome): void {
  const span = activeSpan();
  if (span !== undefined) recordErrorOn(span, outcome);
}

/**
 * `recordErrorOnActiveSpan` for a span already found (`activeSpan()`). Why apart: the
 * response pipeline looks for the span first and builds the outcome only when there is one,
 * so a service without tracing allocates nothing for this stage. Never throws.
 */
export function recordErrorOn(span: SpanLike, outcome: ErrorOutcome): void {
  try {
    span.setAttribute("error.type", outcome.code ?? String(outcome.status));
    span.setAttribute("http.response.status_code", outcome.status);
    if (outcome.status >= 500) span.setStatus({ code: STATUS_ERROR });
    // Span events leave the process for a tracing backend: masked like the response's message.
    if (outcome.unexpected) span.recordException(redactedException(outcome.error, outcome.status, outcome.redact));
  } catch {
    // A broken span or processor must never change the response.
  }
}
