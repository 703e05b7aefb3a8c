import type { ErrorCode } from "@org/error-types";
import type { Dialect } from "./dialect-facts.js";
import type { DialectOption } from "./dialect-option.js";

/**
 * Which messages are masked: `"5xx"` server errors only, `"all"` every status, `"none"`
 * nothing, or a function of your own (its result is still length-capped).
 */
export type RedactOption = "5xx" | "all" | "none" | ((message: string, status: number) => string);

/** What `onError` learns about the error it is told of. */
export interface ErrorContext<Req = unknown> {
  /** Status of the response sent (or that would have been sent). */
  status: number;
  /** `error.code` of that response. */
  code: ErrorCode | null;
  /** True when the error was not a ContractError: a bug or an outage, worth an alert. */
  unexpected: boolean;
  /** The request id echoed in `x-request-id`, if any. */
  requestId: string | undefined;
  /** True when the response had already started: no error body was sent and the connection was ended. */
  headersSent: boolean;
  /**
   * True when the error response (status and body) is sent; false when it could not be: the
   * response had started, had ended, or its connection was already destroyed (`res.destroy()`).
   */
  answered: boolean;
  /** The framework's request object (adapters only). */
  request: Req | undefined;
}

/**
 * Called with the original error (never sent to the client), for logging. It may be async;
 * what it throws or rejects with is caught and logged once, and never changes the response.
 */
// `unknown` and not `void | PromiseLike<void>`: a union return would refuse `(e) => log.push(e)`.
export type ErrorHook<Req = unknown> = (error: unknown, context: ErrorContext<Req>) => unknown;

/** Options of `toErrorResponse`, `toFetchResponse` and every adapter. */
export interface ServerOptions<Req = unknown> {
  /**
   * Request id echoed as `x-request-id` (visible ASCII, at most 200 characters, else not
   * echoed). Adapters default it to the incoming `x-request-id`.
   * @default undefined
   */
  requestId?: string | undefined;
  /**
   * Name of the response header that echoes `requestId` (lower-cased).
   * @default "x-request-id"
   */
  requestIdHeader?: string | undefined;
  /**
   * Masking of URLs, IP addresses, bearer tokens, API keys and `key=value` credentials in
   * messages. Unexpected errors never show their message at all, whatever this says.
   * @default "5xx"
   */
  redact?: RedactOption | undefined;
  /**
   * Logging hook, called once per error with the original error and its context.
   * @default logs unexpected errors (not ContractError) with `console.error`
   */
  onError?: ErrorHook<Req> | undefined;
  /**
   * Development safety net: validate every body with the strict validator and throw
   * `ErrorBodyValidationError` when it is not a contract envelope.
   * @default true when `process.env.NODE_ENV === "test"`, else false
   */
  validate?: boolean | undefined;
  /**
   * Contract 1.1's body members: `request_id` (when a request id is known) and `doc_url`
   * (for a catalog code). `false` sends 1.0 bodies, for consumers still validating strictly
   * against 1.0; the `x-error-code` header is sent either way.
   * @default true
   */
  bodyMetadata?: boolean | undefined;
  /**
   * The API surface whose error shape the body takes, so that surface's own SDK reads the
   * code and the request id: `"openai"` (the contract's envelope), `"anthropic"` (Messages
   * API errors, request id also in `request-id`) or `"gemini"` (Google's `google.rpc.Status`).
   * problem+json stays negotiable (Accept) on every dialect. See the README's "Dialects".
   * @default "openai"
   */
  dialect?: Dialect | undefined;
}

/** Options of the adapters' handlers, middleware and plugins (one set for every request). */
export interface AdapterOptions<Req = unknown> extends Omit<
  ServerOptions<Req>,
  "requestId" | "requestIdHeader" | "dialect"
> {
  /**
   * The dialect of every response (see `ServerOptions.dialect`), or a function choosing it
   * per request (per route: `(req) => req.url.startsWith("/v1/messages") ? "anthropic" : "openai"`).
   * The function is a hook: a throw, a promise or a value that is no dialect gives `"openai"`
   * and is reported once with `console.error`.
   * @default "openai"
   */
  dialect?: DialectOption<Req> | undefined;
  /**
   * Reads the request id to echo (sanitized the same way). Replaces the header lookup.
   * @default the first of the `requestIdHeader` headers the request carries
   */
  getRequestId?: ((request: Req) => string | undefined) | undefined;
  /**
   * Request headers that carry the request id, looked up in order (e.g.
   * `["x-request-id", "X-Oneapi-Request-Id"]`). The id is echoed under the first name.
   * @default "x-request-id"
   */
  requestIdHeader?: string | readonly string[] | undefined;
  /**
   * Makes an id when the request has none: `true` for `crypto.randomUUID()` (via
   * `globalThis.crypto`), or a function of your own. Every error response then carries an
   * id a user can quote to support.
   * @default false
   */
  generateRequestId?: boolean | (() => string) | undefined;
}
