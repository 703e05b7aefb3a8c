import { isErrorBodyValidationError } from "./body-validation-error.js";
import { isContractError } from "./contract-error.js";
import type { ContractError } from "./contract-error.js";
import { isErrorStatusRange } from "./http-status.js";
import { frameworkHeaders } from "./framework-headers.js";
import { redactMessage } from "./redact.js";
import { errorForStatus } from "./status-error.js";

/** The fields of the http-errors / Fastify convention a framework error may carry. */
export interface HttpErrorLike {
  status?: unknown;
  statusCode?: unknown;
  expose?: unknown;
  code?: unknown;
  type?: unknown;
  syscall?: unknown;
  errno?: unknown;
}

/** A framework's own mapping of its errors; `undefined` leaves the error to the common rule. */
export type SpecificMapper = (error: Error & HttpErrorLike) => ContractError | undefined;

// A ContractError made to answer a framework error -> that error, and whether it is a fault
// of ours. Why a WeakMap and not a field: onError must get the original error, not the
// stand-in, and nothing about the stand-in should be visible to users.
const ORIGINS = new WeakMap<object, { original: unknown; unexpected: boolean }>();

/** The framework error a stand-in answers, and whether it counts as unexpected (5xx). */
export function originOf(error: unknown): { original: unknown; unexpected: boolean } | undefined {
  return typeof error === "object" && error !== null ? ORIGINS.get(error) : undefined;
}

/** The status of an http-errors-style error (`status`, else `statusCode`), if it is an error status. */
export function statusOf(error: HttpErrorLike): number | undefined {
  const status = error.status ?? error.statusCode;
  return isErrorStatusRange(status) ? status : undefined;
}

/**
 * The one skeleton every adapter maps framework errors with: a ContractError or a
 * non-Error passes through; else the framework's own mapping, else the http-errors
 * convention (see `fromHttpConvention`); else the error itself (the generic 500). Never
 * throws: mappers read fields of whatever was thrown, and a getter or Proxy may throw.
 */
export function mapFrameworkError(error: unknown, specific?: SpecificMapper): unknown {
  try {
    // The safety net's own error carries the status of the body it rejected: it is a bug, a 500.
    if (isContractError(error) || !(error instanceof Error) || isErrorBodyValidationError(error)) return error;
    const e = error as Error & HttpErrorLike;
    const mapped = specific?.(e) ?? fromHttpConvention(e);
    if (mapped === undefined) return error;
    ORIGINS.set(mapped, { original: error, unexpected: mapped.status >= 500 });
    return mapped;
  } catch {
    return error;
  }
}

/**
 * The http-errors convention (Express, Koa, Hono's HTTPException, Fastify's `statusCode`):
 * the error keeps its 4xx/5xx status. Its message is shown when meant for the client
 * (`expose`, which defaults to true below 500 and false from 500), masked with
 * `redactMessage` (it was not written for this contract), and never for Node system
 * errors (`ENOENT: ... stat '/srv/...'` names files). Otherwise the status's own text.
 */
export function fromHttpConvention(error: Error & HttpErrorLike): ContractError | undefined {
  const status = statusOf(error);
  if (status === undefined) return undefined;
  const exposed = status < 500 ? error.expose !== false : error.expose === true;
  const system = error.syscall !== undefined || error.errno !== undefined;
  const text =
    exposed && !system && typeof error.message === "string" && error.message !== ""
      ? redactMessage(error.message)
      : undefined;
  return errorForStatus(status, text, error, frameworkHeaders(error, status));
}
