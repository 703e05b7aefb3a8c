import type { ContractError } from "./contract-error.js";
import { createError } from "./create-error.js";

/** Default cap on a request body read by the adapters' `readJsonBody`, in bytes: 1 MiB. */
export const DEFAULT_BODY_LIMIT = 1_048_576;

/** Options of the adapters' `readJsonBody`. */
export interface ReadJsonBodyOptions {
  /**
   * Largest body accepted, in bytes; a larger one is answered 413 `read_request_body_failed`
   * without being buffered.
   * @default 1_048_576 (1 MiB)
   */
  limit?: number;
}

/** The limit from options, checked: a wrong one is a programming error. */
export function bodyLimit(options: ReadJsonBodyOptions | undefined): number {
  const limit = options?.limit ?? DEFAULT_BODY_LIMIT;
  if (typeof limit !== "number" || !Number.isInteger(limit) || limit < 0)
    throw new TypeError(`readJsonBody: limit must be an integer number of bytes >= 0, got ${String(limit)}`);
  return limit;
}

/** 413 with the body-reading code: the body is over the limit. */
export const bodyTooLarge = (limit?: number, cause?: unknown): ContractError =>
  createError(
    "read_request_body_failed",
    `The request body is larger than the limit${limit === undefined ? "" : ` of ${limit} bytes`}`,
    {
      status: 413,
      ...(cause !== undefined && { cause }),
    },
  );

/** 400 `bad_request_body`: the body is not JSON. */
export const malformedJson = (cause?: unknown): ContractError =>
  createError("bad_request_body", "The request body is not valid JSON", cause === undefined ? {} : { cause });

/** 415 with the body-reading code: the body is not declared as JSON. */
export const unsupportedMediaType = (cause?: unknown): ContractError =>
  createError("read_request_body_failed", "Unsupported Content-Type: expected application/json", {
    status: 415,
    ...(cause !== undefined && { cause }),
  });

/** 400 `read_request_body_failed`: the body could not be read (aborted, broken stream). */
export const bodyReadFailed = (cause: unknown): ContractError =>
  createError("read_request_body_failed", "The request body could not be read", { cause });

/** True for `application/json` and `application/*+json`, with any parameters; true when absent. */
export function isJsonContentType(header: string | null | undefined): boolean {
  if (header === null || header === undefined) return true;
  const media = (header.split(";", 1)[0] ?? "").trim().toLowerCase();
  return media === "application/json" || (media.startsWith("application/") && media.endsWith("+json"));
}

/** True when a declared `content-length` already says the body is over the limit. */
export function declaredTooLarge(header: string | null | undefined, limit: number): boolean {
  if (header === null || header === undefined) return false;
  const length = Number(header);
  return Number.isFinite(length) && length > limit;
}

/**
 * Decodes (strict UTF-8, BOM dropped) and parses a whole body. Throws the ContractError
 * to answer with: an empty body, bad UTF-8 and bad JSON are all `bad_request_body`.
 */
export function parseJsonBytes(bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (e) {
    throw malformedJson(e);
  }
  if (text.trim() === "") throw createError("bad_request_body", "The request body is empty; expected JSON");
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw malformedJson(e);
  }
}
