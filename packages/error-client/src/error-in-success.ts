import { isLenientErrorEnvelope } from "@org/error-validator";
import type { ApiError } from "./api-error.js";
import { unwrapArray } from "./body-shapes.js";
import { errorFromData, toStatus } from "./build-error.js";
import { isJsonType, mediaType, safeUrl } from "./headers.js";
import { readCapped } from "./read-capped.js";
import { parseHttpDate } from "./retry-after.js";

// Members an error envelope may carry beside `error`: Anthropic's `"type": "error"` and a
// root `request_id`. Anything else (`id`, `object`, `status`, `data`, ...) is a resource.
const isEnvelopeSibling = (key: string, value: unknown): boolean =>
  (key === "type" && value === "error") || (key === "request_id" && typeof value === "string");

/**
 * True when a 2xx body is an error response rather than a resource that merely has an
 * `error` member. The rule: a JSON object (or a one-element array of one, Google's wrapping)
 * that is a lenient error envelope and has no member beside `error` other than
 * `"type": "error"` and `request_id`. OpenAI's failed response
 * `{"id", "object": "response", "status": "failed", "error": {...}}` is a resource, not an error.
 */
export function isErrorEnvelopeBody(data: unknown): boolean {
  if (Array.isArray(data) && data.length !== 1) return false;
  const root = unwrapArray(data);
  if (!isLenientErrorEnvelope(root)) return false;
  const members = root as Record<string, unknown>;
  for (const key of Object.keys(members)) if (key !== "error" && !isEnvelopeSibling(key, members[key])) return false;
  return true;
}

/**
 * The error hidden in a 2xx response whose JSON body is an error envelope (gateways send
 * them), else null. Never delays a streaming body: only a body whose `content-length` is
 * known and at most `maxBytes` is read (a clone, within `timeoutMs`), so the response handed
 * back is untouched; chunked, unknown-length and streaming types (SSE, NDJSON) are returned as they are.
 * `"timeout"` when the small body did not arrive within `timeoutMs` (or before `until`).
 */
export async function errorInSuccess(
  response: Response,
  maxBytes: number,
  timeoutMs: number,
  url: string | null,
  until?: Promise<unknown>,
): Promise<ApiError | null | "timeout"> {
  // A body we cannot look at without taking it from the caller (used, locked, or a
  // Response-like object that cannot be cloned) is handed back as the fetch gave it.
  if (response.body === null || response.bodyUsed || response.body.locked || typeof response.clone !== "function")
    return null;
  if (!isJsonType(mediaType(response.headers))) return null;
  const declared = response.headers.get("content-length")?.trim();
  if (!declared || !/^\d+$/.test(declared) || Number(declared) > maxBytes) return null;
  const [text, , truncated, failure, timedOut] = await readCapped(response.clone(), maxBytes, timeoutMs, until);
  if (timedOut) return "timeout";
  if (truncated || failure !== null) return null;
  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch {
    return null; // not JSON: the caller's parser will say so, it is not ours to judge
  }
  if (!isErrorEnvelopeBody(data)) return null;
  return errorFromData(
    {
      status: toStatus(response.status),
      headers: response.headers,
      url: safeUrl(response.url) ?? url,
      readDate: parseHttpDate,
    },
    data,
  );
}
