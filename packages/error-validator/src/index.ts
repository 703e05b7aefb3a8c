/**
 * @org/error-validator: precompiled (ajv standalone) validators for the error envelope.
 * No ajv at run time, no eval, no runtime dependency besides @org/error-types.
 * @packageDocumentation
 */
export type { ValidationIssue, ValidationResult } from "./issue.js";
export { DEFAULT_MAX_JSON_LENGTH, MAX_MESSAGE_LENGTH } from "./limits.js";
export { type ParseOptions, parseErrorEnvelope } from "./parse.js";
export { ErrorEnvelopeValidationError, isErrorEnvelopeValidationError } from "./validation-error.js";
export {
  assertErrorEnvelope,
  isErrorEnvelope,
  isLenientErrorEnvelope,
  type ValidateOptions,
  type ValidationMode,
  validateErrorEnvelope,
} from "./validate.js";
export {
  type ErrorEnvelopeStandardSchema,
  errorEnvelopeSchema,
  lenientErrorEnvelopeSchema,
  type StandardIssue,
  type StandardJsonSchemaTarget,
  type StandardResult,
} from "./standard-schema.js";
