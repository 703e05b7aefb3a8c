/**
 * Nest's exceptions as contract errors: `HttpException` (matched by shape: another copy of
 * `@nestjs/common` makes other classes) and the http-errors-style errors Express's body
 * parser throws through Nest (`status`/`statusCode`, `expose`).
 */
import { createError, type HttpErrorStatus, isContractError, redactSecrets } from "../../index.js";
import { paramOfValidationMessage } from "./validation.js";

interface HttpExceptionLike extends Error {
  getStatus(): unknown;
  getResponse(): unknown;
}

const isHttpException = (error: Error): error is HttpExceptionLike =>
  typeof (error as Partial<HttpExceptionLike>).getStatus === "function" && typeof (error as Partial<HttpExceptionLike>).getResponse === "function";

const isErrorStatus = (status: unknown): status is HttpErrorStatus => typeof status === "number" && Number.isInteger(status) && status >= 400 && status <= 599;

// Nest turns the body parser's SyntaxError into `new BadRequestException(err.message)`, and
// every JSON.parse message of V8 names JSON ("Unexpected end of JSON input", "... is not valid JSON").
const JSON_PARSE_MESSAGE = /\bJSON\b/;

/** The client-facing text of an HttpException: `getResponse()` as a string, else its `message` (the first of a list). */
function messageOf(response: unknown, error: Error): string | undefined {
  if (typeof response === "string") return response;
  const message = typeof response === "object" && response !== null ? (response as { message?: unknown }).message : undefined;
  const text = Array.isArray(message) ? message[0] : message;
  if (typeof text === "string" && text !== "") return text;
  return error.message || undefined;
}

/** A 4xx/5xx with `text` for the client (4xx only, masked: it was not written for this contract). */
function forStatus(status: HttpErrorStatus, text: string | undefined, cause: Error): unknown {
  if (status >= 500) return createError(status, undefined, { cause });
  // An oversize or wrongly encoded body: the adapters' code for a body that could not be read.
  if (status === 413 || status === 415) return createError("read_request_body_failed", undefined, { cause, status });
  return createError(status, text === undefined ? undefined : redactSecrets(text), { cause });
}

/** An HttpException as a contract error (see `fromNestException`). */
function fromHttpException(exception: HttpExceptionLike): unknown {
  const status = exception.getStatus();
  if (!isErrorStatus(status)) return exception;
  const response = exception.getResponse();
  const text = messageOf(response, exception);
  const list = typeof response === "object" && response !== null ? (response as { message?: unknown }).message : undefined;
  if (status === 400 && Array.isArray(list) && typeof list[0] === "string") {
    // ValidationPipe's default exception: class-validator's messages, property path first.
    const param = paramOfValidationMessage(list[0]);
    const message = redactSecrets(list[0]);
    return createError("invalid_request", message, param === undefined ? { cause: exception } : { cause: exception, param });
  }
  if (status === 400 && text !== undefined && JSON_PARSE_MESSAGE.test(text)) return createError("bad_request_body", undefined, { cause: exception });
  return forStatus(status, text, exception);
}

/**
 * The contract error a Nest exception answers with. `HttpException`s and http-errors-style
 * errors keep their status: ValidationPipe's 400 -> `invalid_request` with the failing
 * property as `param`; malformed JSON -> `bad_request_body`; 413/415 ->
 * `read_request_body_failed`; other 4xx keep their (masked) message with code `null`; 5xx
 * say only the status's text. A ContractError is itself; anything else is returned as is
 * (it becomes the generic 500). Never throws.
 */
export function fromNestException(exception: unknown): unknown {
  try {
    if (isContractError(exception) || !(exception instanceof Error)) return exception;
    if (isHttpException(exception)) return fromHttpException(exception);
    const { status, statusCode, expose } = exception as Error & { status?: unknown; statusCode?: unknown; expose?: unknown };
    const code = status ?? statusCode;
    if (!isErrorStatus(code)) return exception;
    return forStatus(code, expose === false ? undefined : exception.message || undefined, exception);
  } catch {
    return exception;
  }
}
