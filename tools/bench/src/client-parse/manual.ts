import { ERROR_CATALOG } from "@org/error-types";

/** The client's default body cap (64 KiB), applied by the capped baseline too. */
export const BODY_CAP = 65_536;

/** The error the manual baseline makes: an Error with the same fields the client reads. */
export interface ManualError extends Error {
  status: number;
  code: string | null;
  rawCode: unknown;
  type: string | null;
  param: string | null;
  requestId: string | null;
  isContract: boolean;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const has = Object.prototype.hasOwnProperty;

/**
 * The baseline of part 5: `JSON.parse` plus a manual check of our envelope, turned into an
 * Error (the client's job ends in a throwable error too). Non-JSON bodies become a
 * tag-stripped text message. It knows nothing of other providers' shapes, SSE or retries.
 * `cap` false parses the whole body, however large (what a naive client does).
 */
export function manualParse(status: number, headers: Record<string, string>, body: string, cap = true): ManualError {
  const text = cap && body.length > BODY_CAP ? body.slice(0, BODY_CAP) : body;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  const error = isRecord(data) && isRecord(data["error"]) ? data["error"] : null;
  const message = error && typeof error["message"] === "string" ? error["message"] : null;
  const rawCode = error?.["code"];
  const e = new Error(
    message ??
      (text
        .slice(0, 2048)
        .replace(/<[^>]*>/g, " ")
        .replace(/\s+/g, " ")
        .trim()
        .slice(0, 300) ||
        `HTTP ${status}`),
  ) as ManualError;
  e.status = status;
  e.rawCode = rawCode;
  e.code = typeof rawCode === "string" && has.call(ERROR_CATALOG, rawCode) ? rawCode : null;
  e.type = error && typeof error["type"] === "string" ? error["type"] : null;
  e.param = error && typeof error["param"] === "string" ? error["param"] : null;
  e.requestId = headers["x-request-id"] ?? null;
  e.isContract = message !== null;
  return e;
}
