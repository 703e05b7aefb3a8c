/**
 * How the service asks `@org/error-server` for each surface's error shape. The `dialect`
 * option is contract 1.2's (issue 24); a server without it answers every surface in the
 * OpenAI form, and the matrix records what each SDK makes of that.
 */
import { createError, toErrorResponse } from "@org/error-server";
import type { Surface } from "./surfaces.js";

/** True when the installed `@org/error-server` renders by dialect (it rejects unknown options). */
export const SERVER_HAS_DIALECTS: boolean = (() => {
  try {
    toErrorResponse(createError(400), { dialect: "anthropic" } as Parameters<typeof toErrorResponse>[1]);
    return true;
  } catch {
    return false;
  }
})();

/** The adapter option choosing the dialect per route, when the server has dialects. */
export function adapterDialect<Req>(choose: (request: Req) => Surface): object {
  return SERVER_HAS_DIALECTS ? { dialect: choose } : {};
}

/** The `sendSseError` option for a stream of `surface`. */
export function sseDialect(surface: Surface): object {
  if (SERVER_HAS_DIALECTS) return { dialect: surface };
  return { format: surface === "anthropic" ? "anthropic" : "openai" };
}

/**
 * The request-id headers of a stream's 200 (sent before any error can be): the contract's
 * `x-request-id`, and the header the surface's SDK reads (Anthropic's `request-id`).
 */
export function streamHeaders(surface: Surface, requestId: string): Record<string, string> {
  return surface === "anthropic"
    ? { "x-request-id": requestId, "request-id": requestId }
    : { "x-request-id": requestId };
}
