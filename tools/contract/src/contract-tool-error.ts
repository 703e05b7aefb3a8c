/**
 * A problem that stops the contract tools from answering: an unknown git ref, a schema file
 * that is not JSON, a changeset that cannot be parsed. The message says what failed and
 * where; the CLI prints it and exits with 2, never with a stack trace.
 */
export class ContractToolError extends Error {
  override readonly name = "ContractToolError";
}

/** True for a {@link ContractToolError}, also across module copies (checks the name). */
export function isContractToolError(value: unknown): value is ContractToolError {
  return value instanceof ContractToolError || (value instanceof Error && value.name === "ContractToolError");
}
