// INTERIM copy of @org/error-types' generated dialects (helper dialect-data's branch, not yet
// merged): deleted when h-dialect-data is merged; dialect-facts.ts then imports the package.

import type { ErrorType } from "@org/error-types";
type ErrorBody = { message: 1; type: 1; code: 1; param?: 1; request_id?: 1; doc_url?: 1; upstream?: 1 };
const deepFreeze = <T>(value: T): T => value;

/** The name of an API surface's error dialect: how a contract error is rendered there. */
export type Dialect = "openai" | "anthropic" | "gemini";

/** Every dialect, in schema order; the first is the default (the envelope itself). */
export const DIALECT_NAMES = /* @__PURE__ */ Object.freeze([
  "openai",
  "anthropic",
  "gemini",
] as const satisfies readonly Dialect[]);

/** The error event of a dialect inside a started event stream. */
export interface DialectSse {
  /** The event's name; null: an unnamed event (`data:` only). */
  readonly event: string | null;
  /** JSON Pointer of the root boolean that stands in for `x-should-retry` in the event's data. */
  readonly retryable: string;
}

/** How a contract error is rendered on one API surface (schemas: `x-dialects`). */
export interface DialectEntry {
  /** The surface's name for people. */
  readonly title: string;
  /** The response headers that carry the request id (every response, the 200 of a stream too), the contract's first. */
  readonly requestIdHeaders: readonly string[];
  /** The surface's type name for each contract type. */
  readonly types: { readonly [T in ErrorType]: string };
  /** Surface type names that replace the type's at an HTTP status. */
  readonly statusTypes: { readonly [status: number]: string };
  /** Members every body has: JSON Pointer -> value. */
  readonly constants: { readonly [pointer: string]: string };
  /** Where each member of the contract's ErrorBody goes, as a JSON Pointer (RFC 6901) into the body. */
  readonly members: { readonly [M in keyof ErrorBody]-?: string };
  /** Object members written as strings beside each other into the object `members` names, each name prefixed. */
  readonly spread: { readonly [M in keyof ErrorBody]?: string };
  /** Where the HTTP status goes as a number, or null. */
  readonly statusMember: string | null;
  /** What an error without a business code writes: the member with null, or nothing. */
  readonly codeless: "null" | "omit";
  readonly sse: DialectSse;
}

/**
 * Every dialect's rendering rules. A member the error does not have is not written; objects
 * and arrays on a member's path are created. Literal types throughout:
 * `DIALECTS.anthropic.members.code` is the type `"/error/details/error_code"`.
 */
export const DIALECTS = /* @__PURE__ */ deepFreeze({
  openai: {
    title: "OpenAI",
    requestIdHeaders: ["x-request-id"],
    types: {
      invalid_request_error: "invalid_request_error",
      authentication_error: "authentication_error",
      permission_error: "permission_error",
      not_found_error: "not_found_error",
      rate_limit_error: "rate_limit_error",
      upstream_error: "upstream_error",
      server_error: "server_error",
    },
    statusTypes: {},
    constants: {},
    members: {
      message: "/error/message",
      type: "/error/type",
      code: "/error/code",
      param: "/error/param",
      request_id: "/error/request_id",
      doc_url: "/error/doc_url",
      upstream: "/error/upstream",
    },
    spread: {},
    statusMember: null,
    codeless: "null",
    sse: { event: null, retryable: "/retryable" },
  },
  anthropic: {
    title: "Anthropic",
    requestIdHeaders: ["x-request-id", "request-id"],
    types: {
      invalid_request_error: "invalid_request_error",
      authentication_error: "authentication_error",
      permission_error: "permission_error",
      not_found_error: "not_found_error",
      rate_limit_error: "rate_limit_error",
      upstream_error: "api_error",
      server_error: "api_error",
    },
    statusTypes: { "503": "overloaded_error", "504": "timeout_error" },
    constants: { "/type": "error" },
    members: {
      message: "/error/message",
      type: "/error/type",
      code: "/error/details/error_code",
      param: "/error/details/param",
      request_id: "/request_id",
      doc_url: "/error/details/doc_url",
      upstream: "/error/details/upstream",
    },
    spread: {},
    statusMember: null,
    codeless: "omit",
    sse: { event: "error", retryable: "/retryable" },
  },
  gemini: {
    title: "Gemini",
    requestIdHeaders: ["x-request-id"],
    types: {
      invalid_request_error: "INVALID_ARGUMENT",
      authentication_error: "UNAUTHENTICATED",
      permission_error: "PERMISSION_DENIED",
      not_found_error: "NOT_FOUND",
      rate_limit_error: "RESOURCE_EXHAUSTED",
      upstream_error: "UNAVAILABLE",
      server_error: "INTERNAL",
    },
    statusTypes: { "408": "DEADLINE_EXCEEDED", "409": "ABORTED", "501": "UNIMPLEMENTED", "504": "DEADLINE_EXCEEDED" },
    constants: {
      "/error/details/0/@type": "type.googleapis.com/google.rpc.ErrorInfo",
      "/error/details/0/domain": "contract.org.example",
    },
    members: {
      message: "/error/message",
      type: "/error/status",
      code: "/error/details/0/reason",
      param: "/error/details/0/metadata/param",
      request_id: "/error/details/0/metadata/request_id",
      doc_url: "/error/details/0/metadata/doc_url",
      upstream: "/error/details/0/metadata",
    },
    spread: { upstream: "upstream_" },
    statusMember: "/error/code",
    codeless: "omit",
    sse: { event: null, retryable: "/retryable" },
  },
} as const satisfies { readonly [D in Dialect]: DialectEntry });

/** True when `value` names a dialect. Never throws. */
export function isDialect(value: unknown): value is Dialect {
  return typeof value === "string" && (DIALECT_NAMES as readonly string[]).includes(value);
}

/**
 * The type name an error has on a dialect's surface: the dialect's name for its HTTP status if
 * it has one, else its name for the contract type. Throws a TypeError for an unknown dialect
 * or type (a programming error).
 */
export function dialectErrorType(dialect: Dialect, type: ErrorType, status: number): string {
  if (!isDialect(dialect))
    throw new TypeError(`unknown dialect ${String(dialect)}: use one of ${DIALECT_NAMES.join(", ")}`);
  const rules: DialectEntry = DIALECTS[dialect];
  const byStatus = Object.hasOwn(rules.statusTypes, status) ? rules.statusTypes[status] : undefined;
  const byType = Object.hasOwn(rules.types, type) ? rules.types[type] : undefined;
  const name = byStatus ?? byType;
  if (name === undefined) throw new TypeError(`unknown error type ${String(type)}`);
  return name;
}
