import { checkOptions, SERVER_OPTION_NAMES } from "./check-options.js";
import type { ServerOptions } from "./options.js";
import { respond } from "./respond.js";

/**
 * `toErrorResponse` as a Fetch API `Response`: for Workers, Deno, Bun, Next route handlers
 * and anything else that speaks `Request`/`Response`. `dialect` picks the body's shape.
 */
export function toFetchResponse(error: unknown, options?: ServerOptions): Response {
  checkOptions(options, "toFetchResponse", SERVER_OPTION_NAMES, false);
  // The one pipeline, recorded on the span like every adapter's answer; no request, so no
  // negotiation: the dialect's body.
  const { status, headers, body } = respond(error, options, undefined, { safe: false, record: true });
  return new Response(JSON.stringify(body), { status, headers });
}
