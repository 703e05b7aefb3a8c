import { ERROR_CATALOG, ERROR_CODES, type ErrorCode, type ErrorEnvelope } from "@org/error-types";

/** A strict-valid envelope for `code` (its own category), with overrides applied to the body. */
export function envelopeFor(
  code: ErrorCode | null = "model_not_found",
  body: Record<string, unknown> = {},
): ErrorEnvelope {
  const type = code === null ? "server_error" : ERROR_CATALOG[code].type;
  return { error: { message: `failed: ${code ?? "no code"}`, type, code, ...body } } as ErrorEnvelope;
}

/** The same envelope as a fresh, mutable JSON value (for tests that change one member). */
export function bodyOf(envelope: unknown): Record<string, unknown> {
  return (envelope as { error: Record<string, unknown> }).error;
}

/** Every catalog code, for table-driven tests. */
export const CODES: readonly ErrorCode[] = ERROR_CODES;
