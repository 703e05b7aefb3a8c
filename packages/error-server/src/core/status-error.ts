import { ContractError } from "./contract-error.js";

/**
 * The ContractError for a bare HTTP status (a framework error's): the contract's type for
 * that status, and `message` or the status's text.
 */
export function errorForStatus(status: number, message: string | undefined, cause: unknown): ContractError {
  return new ContractError({ status, code: null, message, cause });
}
