import {
  assertErrorEnvelope,
  ErrorEnvelopeValidationError,
  errorEnvelopeSchema,
  isErrorEnvelope,
  isLenientErrorEnvelope,
  lenientErrorEnvelopeSchema,
  type ValidationMode,
  validateErrorEnvelope,
} from "../src/index.js";

/** Each entry point's verdict on one value in one mode (strict also has the assertion). */
export type Answers = { validate: boolean; guard: boolean; standard: boolean; assert?: boolean };

/** Whether assertErrorEnvelope accepted `data` (it throws otherwise). */
function asserted(data: unknown): boolean {
  try {
    assertErrorEnvelope(data);
    return true;
  } catch {
    return false;
  }
}

/** Every entry point's verdict on `data`: they must all be the same. */
export function answers(data: unknown, mode: ValidationMode): Answers {
  const validate = validateErrorEnvelope(data, { mode }).ok;
  if (mode === "strict") {
    return {
      validate,
      guard: isErrorEnvelope(data),
      assert: asserted(data),
      standard: errorEnvelopeSchema["~standard"].validate(data).issues === undefined,
    };
  }
  return {
    validate,
    guard: isLenientErrorEnvelope(data),
    standard: lenientErrorEnvelopeSchema["~standard"].validate(data).issues === undefined,
  };
}

/** True when every entry point gave the same verdict. */
export const agree = (a: Answers): boolean =>
  a.guard === a.validate && a.standard === a.validate && (a.assert === undefined || a.assert === a.validate);

/** What assertErrorEnvelope threw for `data` (fails the test when it did not throw). */
export function assertionOf(data: unknown): ErrorEnvelopeValidationError {
  try {
    assertErrorEnvelope(data);
  } catch (e) {
    if (e instanceof ErrorEnvelopeValidationError) return e;
    throw e;
  }
  throw new Error("expected a throw");
}
