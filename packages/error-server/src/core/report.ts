import { mapFrameworkError, originOf } from "./framework-error.js";
import { sanitizeRequestId } from "./headers.js";
import { callHook } from "./hooks.js";
import { normalizeError } from "./normalize.js";
import type { ErrorContext, ErrorHook, ServerOptions } from "./options.js";

/**
 * What happens when no `onError` is given: unexpected errors and aborted responses are
 * logged with `console.error` (they are bugs or outages and must not vanish); ContractErrors,
 * which the handler threw on purpose, are not.
 */
export function defaultOnError(error: unknown, context: ErrorContext): void {
  if (context.answered && !reportsAnswered(undefined, context.unexpected)) return;
  const which = context.requestId === undefined ? "a request" : `request ${context.requestId}`;
  const what = context.headersSent
    ? "the response had already started, so the connection was ended"
    : context.answered
      ? `answered ${context.status} with a generic message`
      : "the response was already destroyed, so nothing was sent";
  console.error(`@org/error-server: unexpected error on ${which}; ${what}.`, error);
}

/**
 * Whether an error that was answered as asked is reported at all: always to a given
 * `onError`; without one, only an unexpected error (the default logs it; a ContractError was
 * thrown on purpose). The one place this rule lives: `defaultOnError` asks it too.
 */
export function reportsAnswered(hook: unknown, unexpected: boolean): boolean {
  return hook !== undefined || unexpected;
}

/**
 * Calls `onError` (else the default) through the hook isolation. Why: a failing logger, sync
 * or async, must not turn one error response into a crash or a missing response.
 */
export function report<Req>(hook: ErrorHook<Req> | undefined, error: unknown, context: ErrorContext<Req>): void {
  callHook("onError", hook ?? (defaultOnError as ErrorHook<Req>), error, context);
}

/**
 * Tells `onError` about an error that could not be answered: it came after the response had
 * started (a stream that failed midway; the adapter ends the connection instead), or the
 * response was already finished or destroyed. `headersSent` is what the response said.
 */
export function reportAfterHeadersSent<Req>(
  thrown: unknown,
  options: ServerOptions<Req> | undefined,
  request: Req | undefined,
  headersSent = true,
): void {
  const error = mapFrameworkError(thrown);
  const info = normalizeError(error);
  const origin = originOf(error);
  const requestId = sanitizeRequestId(options?.requestId);
  const unexpected = origin ? origin.unexpected : info.unexpected;
  report(options?.onError, origin ? origin.original : error, {
    status: info.status,
    code: info.code,
    unexpected,
    requestId,
    headersSent,
    answered: false,
    request,
  });
}
