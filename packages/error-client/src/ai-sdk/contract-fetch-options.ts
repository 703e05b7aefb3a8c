import { isErrorCode } from "@org/error-types";
import type { FetchFunction, RetryPolicy } from "../index.js";

/** Which failures the contract's retry decision may retry (the members of `RetryPolicy` that decide, not those that wait). */
export type ContractRetryRule = Pick<RetryPolicy, "respectShouldRetry" | "retryableCodes" | "retryStatuses">;

/** Options of `createContractFetch`. */
export interface ContractFetchOptions {
  /**
   * The fetch to wrap.
   * @default globalThis.fetch, looked up at each call
   */
  fetch?: FetchFunction;
  /**
   * Changes to the contract's retry decision (as in `isRetryable`). How often and how long
   * to wait stay the SDK's own (`maxRetries` of `generateText` / `streamText`).
   * @default the contract's rule: `x-should-retry`, then the catalog, then the status
   */
  retry?: ContractRetryRule;
}

const OPTION_NAMES = ["fetch", "retry"];
const RETRY_NAMES = ["respectShouldRetry", "retryableCodes", "retryStatuses"];

const fail = (what: string): never => {
  throw new TypeError(`@org/error-client/ai-sdk: createContractFetch ${what}`);
};

/** The keys of `value` that are not in `names`, as a TypeError naming the accepted ones. */
function checkNames(value: object, names: readonly string[], where: string): void {
  for (const key of Object.keys(value))
    if (!names.includes(key)) fail(`${where}: unknown option "${key}" (accepted: ${names.join(", ")})`);
}

const isStatusList = (v: unknown): boolean =>
  Array.isArray(v) && v.every((s) => Number.isInteger(s) && (s as number) >= 100 && (s as number) <= 599);

/** The retry rule, checked: a wrong name or value is a TypeError at setup, never a silent default. */
function checkRetry(retry: unknown): ContractRetryRule | undefined {
  if (retry === undefined) return undefined;
  if (typeof retry !== "object" || retry === null) return fail("retry must be an object");
  checkNames(retry, RETRY_NAMES, "retry");
  const { respectShouldRetry, retryableCodes, retryStatuses } = retry as Record<string, unknown>;
  if (respectShouldRetry !== undefined && typeof respectShouldRetry !== "boolean")
    fail("retry.respectShouldRetry must be a boolean");
  if (retryableCodes !== undefined && !(Array.isArray(retryableCodes) && retryableCodes.every(isErrorCode)))
    fail("retry.retryableCodes must be an array of catalog codes");
  if (retryStatuses !== undefined && retryStatuses !== null && !isStatusList(retryStatuses))
    fail("retry.retryStatuses must be null or an array of HTTP statuses (100-599)");
  return retry as ContractRetryRule;
}

/** The options, checked. */
export function checkContractFetchOptions(options: unknown): { fetch?: FetchFunction; retry?: ContractRetryRule } {
  if (options === undefined) return {};
  if (typeof options !== "object" || options === null) return fail("options must be an object");
  checkNames(options, OPTION_NAMES, "options");
  const { fetch, retry } = options as Record<string, unknown>;
  if (fetch !== undefined && typeof fetch !== "function") fail("fetch must be a function");
  const rule = checkRetry(retry);
  return {
    ...(fetch === undefined ? {} : { fetch: fetch as FetchFunction }),
    ...(rule === undefined ? {} : { retry: rule }),
  };
}
