import { isHttpErrorStatus } from "@org/error-types";
import { ContractError } from "./contract-error.js";
import type { FrameworkHeaders } from "./framework-headers.js";
import { codeForStatus } from "./http-status.js";

/**
 * The ContractError for a bare HTTP status (a framework error's): the status is kept; a
 * status of the contract gets its code (`null` where allowed, else the first code the
 * catalog allows with it) and type, another 4xx/5xx the class's type. The message is
 * `message`, else the code's meaning or the status's reason phrase.
 */
export function errorForStatus(
  status: number,
  message: string | undefined,
  cause: unknown,
  extra?: FrameworkHeaders,
): ContractError {
  const code = isHttpErrorStatus(status) ? codeForStatus(status) : null;
  return new ContractError({ status, code, message, cause, headers: extra?.headers, retryAfter: extra?.retryAfter });
}
