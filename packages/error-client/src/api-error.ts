import { type ErrorCode, isDocUrl } from "@org/error-types";
import { MAX_DETAIL_LENGTH } from "./limits.js";
import { field, oneLine } from "./text.js";

/**
 * What kind of failure an `ApiError` stands for. Only `http` (as the contract says) and
 * `network` are retried; see the README's table.
 */
export type ApiErrorKind =
  /** The server answered, with an error status or an error body (also one that broke midway). */
  | "http"
  /** No answer: DNS, a refused, reset or closed connection, `Response.error()`. Retried. */
  | "network"
  /** The answer was not valid HTTP: a garbage status line, bad header characters, headers over the limit, TE + CL. Not retried. */
  | "protocol"
  /** TLS failed: an untrusted or self-signed certificate, https to a plain port. Not retried. */
  | "tls"
  /** The fetch gave up on the request itself: a redirect a streamed body cannot follow, or a custom fetch that threw something other than a TypeError. Not retried. */
  | "request"
  /** The caller's `AbortSignal` fired. Never retried. */
  | "aborted"
  /** `timeBudgetMs` ran out before the call ended (the connection was cancelled). Never retried. */
  | "timeout";

/** Everything an `ApiError` carries; all but `detail` default to "unknown". */
export interface ApiErrorInit {
  /** @default "http" */
  kind?: ApiErrorKind;
  /** @default null */
  status?: number | null;
  /** @default null */
  code?: ErrorCode | null;
  /** @default undefined */
  rawCode?: unknown;
  /** @default null */
  type?: string | null;
  /** @default null */
  param?: string | null;
  /** @default null */
  requestId?: string | null;
  /** @default null */
  retryAfterMs?: number | null;
  /** @default null */
  shouldRetry?: boolean | null;
  /** @default false */
  isContract?: boolean;
  /** @default null */
  docUrl?: string | null;
  /** @default null */
  body?: unknown;
  /** The human-readable text: the server's message, or what went wrong. */
  detail: string;
  /** @default null */
  url?: string | null;
  /** @default undefined */
  cause?: unknown;
}

// Symbol.for, not instanceof alone: the ESM and CJS builds (or two copies of the package)
// each have their own class, and an error from one must still be recognised by the other.
const BRAND = Symbol.for("@org/error-client/ApiError");

/** The start of the message: what failed ("HTTP 404 model_not_found", "network error") and where. */
function label(init: ApiErrorInit): string {
  const { kind, url } = init;
  const raw = init.code ?? init.rawCode;
  // A number's text is far shorter than 64: one slice serves both.
  const code = (typeof raw === "string" && raw !== "") || typeof raw === "number" ? ` ${`${raw}`.slice(0, 64)}` : "";
  const what =
    kind === "aborted"
      ? "request aborted"
      : kind === "timeout"
        ? "timed out"
        : kind && kind !== "http"
          ? `${kind} error`
          : `HTTP ${init.status ?? "(no status)"}${code}`;
  return url ? `${what} from ${url}` : what;
}

/**
 * One typed error for every failed call: our envelope, an upstream provider's shape, an HTML
 * page from a proxy, an empty body, a network error or an abort. `message` reads
 * `HTTP 404 model_not_found from <url>: <detail> (request id: ...)`.
 */
export class ApiError extends Error {
  declare readonly name: "ApiError";
  /** What kind of failure this is. */
  declare readonly kind: ApiErrorKind;
  /** The HTTP status; null for network errors and aborts. */
  declare readonly status: number | null;
  /** A catalog code, else null (unknown strings and numbers stay in `rawCode`). */
  declare readonly code: ErrorCode | null;
  /** What the body said the code was, unchanged; `undefined` when it said nothing. */
  declare readonly rawCode: unknown;
  /** The error category: the sender's (one line, at most 200 code points), else one derived from the status. */
  declare readonly type: string | null;
  /** The request parameter the error is about, when the body named one (one line, at most 200 code points). */
  declare readonly param: string | null;
  /** `x-request-id` / `request-id` / `x-oneapi-request-id` header, a `request_id` member, or "(request id: X)" in the message. Single-line. */
  declare readonly requestId: string | null;
  /** How long the server asked to wait (`retry-after-ms`, then `Retry-After`), unclamped; 0 for a date in the past. */
  declare readonly retryAfterMs: number | null;
  /** The server's `x-should-retry: true|false` header, else null. */
  declare readonly shouldRetry: boolean | null;
  /** True when the body was a valid error envelope (lenient validation). */
  declare readonly isContract: boolean;
  /** The reference entry for the code: the body's `error.doc_url` (contract 1.1) when it is an absolute http(s) URL of at most 2048 printable ASCII characters, else null. */
  declare readonly docUrl: string | null;
  /** The parsed JSON body, or a capped text snippet, or null. */
  declare readonly body: unknown;
  /** The human-readable part of `message`: the server's message or what went wrong. One line, no control characters. */
  declare readonly detail: string;
  /** The request's URL without query string, fragment or credentials, when known. */
  declare readonly url: string | null;

  constructor(init: ApiErrorInit) {
    // Everything that reaches `message` comes from the server or the URL: one line, no
    // controls, well-formed, whoever built the init (so log lines cannot be forged).
    const detail = field(init.detail, MAX_DETAIL_LENGTH) ?? "(no readable message)";
    const requestId = field(init.requestId, Infinity);
    const id = requestId && !detail.includes(requestId) ? ` (request id: ${requestId})` : "";
    super(`${oneLine(label(init))}: ${detail}${id}`, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind ?? "http";
    this.status = init.status ?? null;
    this.code = init.code ?? null;
    this.rawCode = init.rawCode;
    // Sender's text bound for logs and metric labels: one line, capped.
    this.type = field(init.type);
    this.param = field(init.param);
    this.requestId = requestId;
    this.retryAfterMs = init.retryAfterMs ?? null;
    this.shouldRetry = init.shouldRetry ?? null;
    this.isContract = init.isContract ?? false;
    // Rendered as a link by apps: only an absolute http(s) URL of bounded length.
    this.docUrl = isDocUrl(init.docUrl) ? init.docUrl : null;
    this.body = init.body ?? null;
    this.detail = detail;
    this.url = field(init.url, 2048);
  }
}

// Why `declare` fields and a prototype `name`: class fields are defined on every instance
// (one defineProperty each) before the constructor assigns them; errors are made per
// request, and that doubled the cost of constructing one.
Object.defineProperties(ApiError.prototype, {
  name: { value: "ApiError", writable: true, configurable: true },
  [BRAND]: { value: true },
});

/**
 * An ApiError that is a parsed value, not a failure at a meaningful place: its `stack` is
 * the one line `ApiError: <message>` (V8 and JavaScriptCore; other engines keep theirs).
 * Why: capturing a stack is most of the cost of parsing an error body, and a stack pointing
 * into the parser says nothing. `Error.stackTraceLimit` is set to 0 around the
 * construction only, and restored (a frozen `Error`, as under SES, keeps the full stack).
 */
export function parsedError(init: ApiErrorInit): ApiError {
  const E = Error as { stackTraceLimit?: unknown };
  const limit = E.stackTraceLimit;
  try {
    E.stackTraceLimit = 0;
  } catch {
    return new ApiError(init);
  }
  try {
    return new ApiError(init);
  } finally {
    E.stackTraceLimit = limit;
  }
}

/**
 * Gives `error` the stack of the place that throws it (where the engine can: V8, JavaScriptCore
 * and Firefox have `Error.captureStackTrace`), so a parsed error thrown by this package points
 * at the caller's code. The first line stays `ApiError: <message>`.
 */
export function withStack(error: ApiError): ApiError {
  (Error as { captureStackTrace?: (target: object, at?: Function) => void }).captureStackTrace?.(error, withStack);
  return error;
}

/**
 * True when `value` is an `ApiError` (from any copy or build of this package); with `code`,
 * only when it also carries that catalog code (and then `value.code` is typed as that code).
 */
export function isApiError<C extends ErrorCode>(value: unknown, code: C): value is ApiError & { readonly code: C };
export function isApiError(value: unknown, code?: ErrorCode): value is ApiError;
export function isApiError(value: unknown, code?: ErrorCode): value is ApiError {
  if (typeof value !== "object" || value === null) return false;
  const branded = value instanceof ApiError || (value as { [BRAND]?: unknown })[BRAND] === true;
  return branded && (code === undefined || (value as ApiError).code === code);
}
