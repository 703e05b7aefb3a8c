import { isProductionEnvironment } from "./env.js";

/**
 * When a `ContractError` captures a stack trace: `"always"`, or `"5xx"` (server errors
 * only). A 4xx ContractError is an expected answer to a client's mistake; capturing its
 * stack is most of what building one costs, and nobody reads it.
 */
export type StackTracePolicy = "always" | "5xx";

let policy: StackTracePolicy = isProductionEnvironment() ? "5xx" : "always";

/**
 * Sets when ContractErrors capture stack traces (process-wide). Default: `"5xx"` when
 * `NODE_ENV` is `"production"`, else `"always"`. Unexpected errors are not ContractErrors
 * and always keep their stack for `onError`.
 */
export function setStackTracePolicy(next: StackTracePolicy): void {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- runtime check for plain-JS callers: the types say it cannot happen
  if (next !== "always" && next !== "5xx")
    throw new TypeError(`setStackTracePolicy: expected "always" or "5xx", got ${JSON.stringify(next)}`);
  policy = next;
}

/** The policy in force. */
export function getStackTracePolicy(): StackTracePolicy {
  return policy;
}

/** Whether a ContractError with `status` captures its stack under the policy in force. */
export function capturesStack(status: number): boolean {
  return policy === "always" || status >= 500;
}
