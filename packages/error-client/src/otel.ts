/**
 * OpenTelemetry for `fetchWithContract`, without importing `@opentelemetry/api` (an optional
 * peer): the active span is read from the API's global registry, as in `@org/error-server`.
 *
 * Why the registry: every 1.x copy of the API (ESM or CJS build, any installed version)
 * registers the SDK's context manager under `Symbol.for("opentelemetry.js.api.1")` and keeps
 * the active span under `Symbol.for("OpenTelemetry Context Key SPAN")`; that is how copies
 * of the API find each other, so the keys hold for the whole 1.x line. A synchronous read
 * works the same in ESM, CJS, browsers and Workers, and is a no-op when no SDK is registered.
 */
import type { ApiError } from "./api-error.js";

const API_KEY = Symbol.for("opentelemetry.js.api.1");
const SPAN_KEY = Symbol.for("OpenTelemetry Context Key SPAN");

/** The part of an OpenTelemetry `Span` used here. */
interface SpanLike {
  setAttribute(key: string, value: string | number | boolean): unknown;
  isRecording(): boolean;
}

/** The active, recording span of the registered SDK, or undefined. Never throws. */
export function activeSpan(): SpanLike | undefined {
  try {
    const api = (globalThis as Record<symbol, unknown>)[API_KEY] as
      { context?: { active?: () => { getValue?: (key: symbol) => unknown } | undefined } } | undefined;
    const manager = api?.context;
    if (typeof manager?.active !== "function") return undefined;
    const context = manager.active();
    const span = typeof context?.getValue === "function" ? context.getValue(SPAN_KEY) : undefined;
    const ok =
      typeof span === "object" &&
      span !== null &&
      typeof (span as SpanLike).setAttribute === "function" &&
      typeof (span as SpanLike).isRecording === "function";
    return ok && (span as SpanLike).isRecording() ? (span as SpanLike) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The `error.type` of a failed call (HTTP semantic conventions: low cardinality): the
 * business code, else the status as a string, else the kind of failure (`network`, `aborted`...).
 */
export function errorTypeOf(error: ApiError): string {
  if (typeof error.code === "string") return error.code;
  if (typeof error.status === "number") return String(error.status);
  return typeof error.kind === "string" ? error.kind : "_OTHER";
}

/**
 * Records how a `fetchWithContract` call ended on the caller's active span: for a failed
 * call, `error.type`; for any call that needed retries, `http.request.resend_count` (the
 * retries made). A call that succeeded after retries gets the count and nothing that marks
 * it as an error. The span's status is left to its owner: the caller may handle the error.
 * Never throws; a no-op without a registered SDK.
 */
export function recordCallOutcome(error: ApiError | null, retries: number): void {
  const span = activeSpan();
  if (span === undefined) return;
  try {
    if (retries > 0) span.setAttribute("http.request.resend_count", retries);
    if (error !== null) {
      span.setAttribute("error.type", errorTypeOf(error));
      if (typeof error.status === "number") span.setAttribute("http.response.status_code", error.status);
    }
  } catch {
    // A broken span or processor must never change what the call returns or throws.
  }
}
