/**
 * Nest's exceptions as contract errors, through the skeleton every adapter maps framework
 * errors with (`mapFrameworkError`: `onError` still gets the original exception).
 * `HttpException` is matched by shape (another copy of `@nestjs/common` makes other
 * classes); the body parser's http-errors pass through Nest and follow the http-errors rule.
 */
import type { ContractError } from "../../core/contract-error.js";
import { createError } from "../../core/create-error.js";
import { type HttpErrorLike, mapFrameworkError } from "../../core/framework-error.js";
import { redactMessage } from "../../core/redact.js";
import { routeNotFound } from "../../core/route-not-found.js";
import { errorForStatus } from "../../core/status-error.js";
import { paramOfValidationMessage } from "./validation.js";

interface HttpExceptionLike extends Error {
  getStatus(): unknown;
  getResponse(): unknown;
}

const isHttpException = (error: Error): error is HttpExceptionLike =>
  typeof (error as Partial<HttpExceptionLike>).getStatus === "function" &&
  typeof (error as Partial<HttpExceptionLike>).getResponse === "function";

const isErrorStatus = (status: unknown): status is number =>
  typeof status === "number" && Number.isInteger(status) && status >= 400 && status <= 599;

// Nest turns the body parser's SyntaxError into `new BadRequestException(err.message)`: the
// message is then exactly one of V8's JSON.parse messages ("Unexpected end of JSON input",
// "... in JSON at position 14 (line 1 column 15)", "Unexpected token 'm', \"m\" is not valid
// JSON"). A handler's own 400 that merely mentions JSON ("Invalid JSON schema in tools") is not.
const JSON_PARSE_MESSAGE =
  /^Unexpected end of JSON input$| in JSON at position \d+(?: \(line \d+ column \d+\))?$| is not valid JSON$/;

// Nest's router answers an unknown route with `NotFoundException("Cannot GET /path?query")`.
const ROUTE_NOT_FOUND = /^Cannot ([A-Z]{1,20}) (\S+)$/;

/** The client-facing text of an HttpException: `getResponse()` as a string, else its `message` (the first of a list). */
function messageOf(response: unknown, error: Error): string | undefined {
  if (typeof response === "string") return response;
  const message =
    typeof response === "object" && response !== null ? (response as { message?: unknown }).message : undefined;
  const text = Array.isArray(message) ? message[0] : message;
  if (typeof text === "string" && text !== "") return text;
  return error.message || undefined;
}

/** True for the 400 Nest makes of a body parser's SyntaxError: its default body around a V8 JSON.parse message. */
function isBodyParseFailure(response: unknown, text: string): boolean {
  if (!JSON_PARSE_MESSAGE.test(text)) return false;
  // `new BadRequestException(message)` gives { message, error: "Bad Request", statusCode: 400 }.
  return (
    typeof response === "object" &&
    response !== null &&
    (response as { message?: unknown }).message === text &&
    (response as { statusCode?: unknown }).statusCode === 400
  );
}

/** An HttpException as a contract error; undefined for a status outside 400-599 (the generic 500). */
function fromHttpException(exception: Error & HttpErrorLike): ContractError | undefined {
  if (!isHttpException(exception)) return undefined;
  const status = exception.getStatus();
  if (!isErrorStatus(status)) return undefined;
  const response = exception.getResponse();
  const text = messageOf(response, exception);
  const list =
    typeof response === "object" && response !== null ? (response as { message?: unknown }).message : undefined;
  if (status === 400 && Array.isArray(list) && typeof list[0] === "string") {
    // ValidationPipe's default exception: class-validator's messages, property path first.
    const param = paramOfValidationMessage(list[0]);
    return createError(
      "invalid_request",
      redactMessage(list[0]),
      param === undefined ? { cause: exception } : { cause: exception, param },
    );
  }
  if (status === 400 && text !== undefined && isBodyParseFailure(response, text))
    return createError("bad_request_body", undefined, { cause: exception });
  // The router's 404 names the URL with its query string, where keys travel: the path only.
  const route = status === 404 && text !== undefined ? ROUTE_NOT_FOUND.exec(text) : null;
  if (route) return routeNotFound(route[1], route[2]);
  // An oversize or wrongly encoded body: the adapters' code for a body that could not be read.
  if (status === 413 || status === 415)
    return createError("read_request_body_failed", undefined, { cause: exception, status });
  // 4xx text was written for the client, but not for this contract: masked. 5xx say only the status's text.
  return errorForStatus(status, status < 500 && text !== undefined ? redactMessage(text) : undefined, exception);
}

/**
 * The contract error a Nest exception answers with. `HttpException`s and http-errors-style
 * errors keep their status: ValidationPipe's 400 -> `invalid_request` with the failing
 * property as `param`; malformed JSON -> `bad_request_body`; 413/415 ->
 * `read_request_body_failed`; other 4xx keep their (masked) message, with the code and type
 * the contract gives their status; 5xx say only the status's text. A ContractError is
 * itself; anything else is returned as is (it becomes the generic 500). Never throws.
 */
export function fromNestException(exception: unknown): unknown {
  return mapFrameworkError(exception, fromHttpException);
}
