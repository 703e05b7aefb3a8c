/**
 * What Nest's `BaseWsExceptionFilter` does, without importing `@nestjs/websockets`: a filter
 * bound to a gateway replaces Nest's own WS handling entirely (Nest skips its base filter
 * once a custom one ran), so the contract's filter must do the same thing there. Why not the
 * envelope: a WS message has no status or headers, and clients of a gateway expect Nest's
 * `exception` event.
 */
import type { ArgumentsHost } from "@nestjs/common";
import type { ServerOptions } from "../../core/options.js";
import { report } from "../../core/report.js";

// Nest's MESSAGES.UNKNOWN_EXCEPTION_MESSAGE.
const UNKNOWN_EXCEPTION_MESSAGE = "Internal server error";

interface WsClientLike {
  emit(event: string, payload: unknown): unknown;
}

// How far up the prototype chain a WsException (or a subclass of it) is looked for.
const MAX_CLASS_DEPTH = 8;

/** True when a class named `WsException` is on `value`'s prototype chain (it sets no `name` of its own). */
function isWsException(value: Error): boolean {
  let proto: unknown = Object.getPrototypeOf(value);
  for (let depth = 0; depth < MAX_CLASS_DEPTH && typeof proto === "object" && proto !== null; depth++) {
    if ((proto as { constructor?: { name?: unknown } }).constructor?.name === "WsException") return true;
    proto = Object.getPrototypeOf(proto);
  }
  return false;
}

/** `WsException` matched by name and shape (another copy of Nest makes another class): its `getError()`. */
function wsErrorOf(exception: unknown): { error: unknown } | undefined {
  if (!(exception instanceof Error) || !isWsException(exception)) return undefined;
  const getError = (exception as { getError?: unknown }).getError;
  return typeof getError === "function" ? { error: (getError as () => unknown).call(exception) } : undefined;
}

/**
 * Answers `exception` on a gateway as Nest's base WS filter would: a `WsException`'s error
 * (an object as is, else `{ status: "error", message, cause }`), anything else
 * `{ status: "error", message: "Internal server error", cause }` emitted as `exception`,
 * with `cause` = `{ pattern, data }`. An unknown error goes to `onError` (where Nest would
 * log it). Never throws: a closed client or a hostile exception must not kill the process.
 */
export function answerWsException(exception: unknown, host: ArgumentsHost, options: ServerOptions<unknown>): void {
  try {
    const ws = host.switchToWs();
    const client = ws.getClient<Partial<WsClientLike>>();
    const cause = { pattern: ws.getPattern(), data: ws.getData<unknown>() };
    const known = wsErrorOf(exception);
    if (known === undefined)
      report(options.onError, exception, {
        status: 500,
        code: null,
        unexpected: true,
        requestId: undefined,
        headersSent: false,
        answered: true,
        request: undefined,
      });
    // Nest's handler does nothing for a client that cannot emit.
    if (typeof client.emit !== "function") return;
    if (known !== undefined && typeof known.error === "object" && known.error !== null)
      client.emit("exception", known.error);
    else
      client.emit("exception", {
        status: "error",
        message: known === undefined ? UNKNOWN_EXCEPTION_MESSAGE : known.error,
        cause,
      });
  } catch {
    // The client went away or the exception is hostile: nothing more to send.
  }
}
