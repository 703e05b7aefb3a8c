/**
 * An independent reader of an error body in each dialect, written from the SDKs' sources
 * (openai 6 `APIError`, @anthropic-ai/sdk 1.17 `APIError`, @google/genai 2 `ApiError` and
 * its stream reader), not from the package or its dialect data: where each SDK finds the
 * code, the request id and the type, and what shape it needs to raise an error at all.
 */
import { validateErrorEnvelope } from "@org/error-validator";

/** The dialects, as the tests name them. */
export const TEST_DIALECTS = ["openai", "anthropic", "gemini"] as const;
export type TestDialect = (typeof TEST_DIALECTS)[number];

/**
 * The members of @anthropic-ai/sdk 1.17's `ErrorType` union (resources/shared.d.ts) an error
 * category can be; its API-specific `memory_*` and `conflict_error` are left out on purpose, so
 * a gateway that answered with one of those fails here.
 */
const ANTHROPIC_TYPES = new Set([
  "invalid_request_error",
  "authentication_error",
  "billing_error",
  "permission_error",
  "not_found_error",
  "rate_limit_error",
  "timeout_error",
  "api_error",
  "overloaded_error",
]);
/** google.rpc.Code names. */
const GOOGLE_STATUSES = new Set([
  "CANCELLED",
  "UNKNOWN",
  "INVALID_ARGUMENT",
  "DEADLINE_EXCEEDED",
  "NOT_FOUND",
  "ALREADY_EXISTS",
  "PERMISSION_DENIED",
  "RESOURCE_EXHAUSTED",
  "FAILED_PRECONDITION",
  "ABORTED",
  "OUT_OF_RANGE",
  "UNIMPLEMENTED",
  "INTERNAL",
  "UNAVAILABLE",
  "DATA_LOSS",
  "UNAUTHENTICATED",
]);
const ERROR_INFO = "type.googleapis.com/google.rpc.ErrorInfo";

/** What the dialect's SDK would surface, and what is wrong with the body's shape for it. */
export interface SdkView {
  /** The business code where the SDK exposes it (null: none). */
  code: string | null;
  /** The request id where the SDK (or, for Gemini, the body's ErrorInfo) exposes it. */
  requestId: string | undefined;
  type: unknown;
  problems: string[];
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;

/**
 * Reads `body` (with the response's or the stream's headers, `header(name)`) as the SDK of
 * `dialect` does. `status` is the error's HTTP status (the plain response's, or the one the
 * error would have had inside a stream).
 */
export function readAsSdk(
  dialect: TestDialect,
  status: number,
  body: unknown,
  header: (name: string) => string | undefined,
): SdkView {
  const root = obj(body) ?? {};
  const error = obj(root.error) ?? {};
  const problems: string[] = [];
  if (typeof error.message !== "string") problems.push("no error.message");
  switch (dialect) {
    case "openai": {
      const result = validateErrorEnvelope({ error: root.error }, { mode: "strict" });
      if (!result.ok) problems.push(`not a strict envelope: ${JSON.stringify(result.issues).slice(0, 200)}`);
      return {
        code: (error.code as string | null) ?? null,
        requestId: header("x-request-id"),
        type: error.type,
        problems,
      };
    }
    case "anthropic": {
      if (root.type !== "error") problems.push(`root type ${String(root.type)}`);
      for (const key of Object.keys(root))
        if (!["type", "error", "request_id", "retryable"].includes(key)) problems.push(`root member ${key}`);
      if (!ANTHROPIC_TYPES.has(error.type as string))
        problems.push(`type ${String(error.type)} outside the SDK's union`);
      const details = obj(error.details);
      const code = details?.error_code;
      // The root id is for logs and streams; where the response has a request-id header, they agree.
      if (
        root.request_id !== undefined &&
        header("request-id") !== undefined &&
        root.request_id !== header("request-id")
      )
        problems.push(`root request_id ${String(root.request_id)} but request-id ${String(header("request-id"))}`);
      return {
        code: typeof code === "string" ? code : null,
        requestId: header("request-id"),
        type: error.type,
        problems,
      };
    }
    case "gemini": {
      if (error.code !== status) problems.push(`error.code ${String(error.code)}, status ${status}`);
      if (!GOOGLE_STATUSES.has(error.status as string)) problems.push(`status ${String(error.status)}`);
      const details = Array.isArray(error.details) ? error.details : [];
      const info = details.map(obj).find((d) => d?.["@type"] === ERROR_INFO);
      if (info === undefined) problems.push("no google.rpc.ErrorInfo in details");
      const metadata = obj(info?.metadata) ?? {};
      for (const [key, value] of Object.entries(metadata))
        if (typeof value !== "string") problems.push(`metadata ${key} is not a string`);
      if (typeof info?.domain !== "string") problems.push("ErrorInfo without a domain");
      const reason = info?.reason;
      return {
        code: typeof reason === "string" ? reason : null,
        requestId: metadata.request_id as string | undefined,
        type: error.status,
        problems,
      };
    }
  }
}

/** The request id a body of `dialect` carries (where each dialect puts it), if any. */
export function bodyRequestId(dialect: TestDialect, body: unknown): unknown {
  const root = obj(body) ?? {};
  const error = obj(root.error) ?? {};
  switch (dialect) {
    case "openai":
      return error.request_id;
    case "anthropic":
      return root.request_id;
    case "gemini": {
      const details = Array.isArray(error.details) ? error.details : [];
      return obj(obj(details.map(obj).find((d) => d?.["@type"] === ERROR_INFO))?.metadata)?.request_id;
    }
  }
}

/** The dialect a route of the test servers answers in, by its first path segment. */
export function dialectOfPath(path: string): TestDialect {
  const first = path.split("/")[1] ?? "";
  return (TEST_DIALECTS as readonly string[]).includes(first) ? (first as TestDialect) : "openai";
}
