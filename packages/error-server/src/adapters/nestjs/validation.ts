/**
 * NestJS `ValidationPipe` errors as the contract's `invalid_request` with `param`: exactly
 * via `validationExceptionFactory`, or read from the default exception's messages.
 */
import { type ContractError, createError } from "../../index.js";

/** The part of class-validator's `ValidationError` read here (no import of class-validator). */
export interface ValidationErrorLike {
  property: string;
  constraints?: Record<string, string> | undefined;
  children?: ValidationErrorLike[] | undefined;
}

// Why a depth cap: the errors come from nested DTOs, and a cyclic children list must not hang.
const MAX_DEPTH = 32;

/** The first failing leaf: its dotted path (`messages.0.role`) and first constraint message. */
function firstFailure(
  errors: readonly ValidationErrorLike[],
  path: string,
  depth: number,
): { path: string; message: string | undefined } | undefined {
  if (depth > MAX_DEPTH) return undefined;
  for (const error of errors) {
    // The list comes from class-validator at run time (or a plain-JS caller): its shape is checked, not trusted.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- runtime check for plain-JS callers
    if (typeof error !== "object" || error === null || typeof error.property !== "string") continue;
    const here = path === "" ? error.property : `${path}.${error.property}`;
    const messages = error.constraints === undefined ? [] : Object.values(error.constraints);
    if (messages.length > 0) return { path: here, message: typeof messages[0] === "string" ? messages[0] : undefined };
    const child = Array.isArray(error.children) ? firstFailure(error.children, here, depth + 1) : undefined;
    if (child !== undefined) return child;
  }
  return undefined;
}

/**
 * An `exceptionFactory` for Nest's `ValidationPipe`:
 * `new ValidationPipe({ exceptionFactory: validationExceptionFactory })`. Answers 400
 * `invalid_request` with `param` = the path of the first failing property and its message.
 */
export function validationExceptionFactory(errors: ValidationErrorLike[]): ContractError {
  const failure = Array.isArray(errors) ? firstFailure(errors, "", 0) : undefined;
  if (failure === undefined) return createError("invalid_request");
  return createError("invalid_request", failure.message, { param: failure.path });
}

// class-validator's default messages start with the property path (`name must be a string`,
// `messages.0.role should not be empty`); `whitelist` + `forbidNonWhitelisted` says
// `property extra should not exist`. Custom messages may say anything: no param then.
const WHITELIST = /^property ([\w$.-]{1,200}) should not exist$/;
const DEFAULT_MESSAGE = /^([\w$][\w$.-]{0,199}) (?:must|should|has to|is) /;

/** The property a default ValidationPipe message names, or undefined when it names none recognisably. */
export function paramOfValidationMessage(message: string): string | undefined {
  const match = WHITELIST.exec(message) ?? DEFAULT_MESSAGE.exec(message);
  return match?.[1];
}
