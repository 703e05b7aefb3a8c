import { toErrorResponse } from "./error-response.js";
import type { ServerOptions } from "./options.js";

/**
 * `toErrorResponse` as a Fetch API `Response`: for Workers, Deno, Bun, Next route handlers
 * and anything else that speaks `Request`/`Response`.
 */
export function toFetchResponse(error: unknown, options?: ServerOptions): Response {
  const { status, headers, body } = toErrorResponse(error, options);
  return new Response(JSON.stringify(body), { status, headers });
}
