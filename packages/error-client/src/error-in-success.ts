import { isLenientErrorEnvelope } from "@org/error-validator";
import type { ApiError } from "./api-error.js";
import { errorFromData, toStatus } from "./build-error.js";
import { isJsonType, mediaType, safeUrl } from "./headers.js";
import { readCapped } from "./read-capped.js";

/**
 * The error hidden in a 2xx response whose JSON body is an error envelope (gateways send
 * them), else null. Reads a clone, at most `maxBytes`, so the response handed back is
 * untouched. Only `application/json` / `+json`: streaming types (SSE, NDJSON) are never
 * waited on here, and a body longer than the cap is no error envelope.
 */
export async function errorInSuccess(response: Response, maxBytes: number): Promise<ApiError | null> {
  if (response.body === null || !isJsonType(mediaType(response.headers))) return null;
  const length = Number(response.headers.get("content-length") ?? Number.NaN);
  if (length > maxBytes) return null;
  const { text, truncated, failure } = await readCapped(response.clone(), maxBytes);
  if (truncated || failure !== null) return null;
  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch {
    return null; // not JSON: the caller's parser will say so, it is not ours to judge
  }
  if (!isLenientErrorEnvelope(data)) return null;
  return errorFromData({ status: toStatus(response.status), headers: response.headers, url: safeUrl(response.url) }, data);
}
