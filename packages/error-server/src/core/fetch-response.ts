import { checkOptions, SERVER_OPTION_NAMES } from "./check-options.js";
import type { ServerOptions } from "./options.js";
import { recordedOutcome } from "./respond.js";

/**
 * `toErrorResponse` as a Fetch API `Response`: for Workers, Deno, Bun, Next route handlers
 * and anything else that speaks `Request`/`Response`.
 */
export function toFetchResponse(error: unknown, options?: ServerOptions): Response {
  checkOptions(options, "toFetchResponse", SERVER_OPTION_NAMES, false);
  // Through the one pipeline (recorded on the span like every adapter's answer); no request,
  // so no negotiation: the envelope.
  const { status, headers, body } = recordedOutcome(error, options, undefined, false).response;
  return new Response(JSON.stringify(body), { status, headers });
}
