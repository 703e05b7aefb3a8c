import { checkOptions, SERVER_OPTION_NAMES } from "./check-options.js";
import { DEFAULT_DIALECT } from "./dialect-option.js";
import { inDialect } from "./dialect-response.js";
import { sanitizeRequestId } from "./headers.js";
import type { ServerOptions } from "./options.js";
import { recordedOutcome } from "./respond.js";

/**
 * `toErrorResponse` as a Fetch API `Response`: for Workers, Deno, Bun, Next route handlers
 * and anything else that speaks `Request`/`Response`. `dialect` picks the body's shape.
 */
export function toFetchResponse(error: unknown, options?: ServerOptions): Response {
  checkOptions(options, "toFetchResponse", SERVER_OPTION_NAMES, false);
  // Through the one pipeline (recorded on the span like every adapter's answer); no request,
  // so no negotiation: the dialect's body.
  const { response } = recordedOutcome(error, options, undefined, false);
  const { status, headers, body } = inDialect(
    response,
    options?.dialect ?? DEFAULT_DIALECT,
    sanitizeRequestId(options?.requestId),
  );
  return new Response(JSON.stringify(body), { status, headers });
}
