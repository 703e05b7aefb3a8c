import type { FetchInput } from "../index.js";
import { readErrorWithDates } from "../parse-error-response.js";
import { checkContractFetchOptions, type ContractFetchOptions } from "./contract-fetch-options.js";
import { contractCallError } from "./http-error.js";
import { callContext } from "./request-context.js";
import { isEventStream, withFirstEventChecked } from "./stream.js";

/** A Response, recognised by its shape (another realm's or a polyfill's too). */
const isResponse = (value: unknown): value is Response =>
  typeof value === "object" && value !== null && typeof (value as Response).status === "number" && "headers" in value;

/** A fetch function as the AI SDK's providers take it (`fetch` of `createOpenAI`, `createAnthropic`, ...). */
export type ContractFetch = (input: FetchInput, init?: RequestInit) => Promise<Response>;

/**
 * A `fetch` for the AI SDK's providers (`createOpenAI({ fetch })`, `createAnthropic({ fetch })`,
 * `createOpenAICompatible({ fetch })`) that makes their retries follow the contract. An error
 * response (status >= 400, any body shape or dialect) is thrown as an `APICallError` whose
 * `isRetryable` is `isRetryable` of its `ApiError` (`x-should-retry`, then the catalog, then
 * the status), `data` the body as sent and `cause` the `ApiError` (code, request id). An error
 * event before anything was streamed is thrown the same way; a later one stays an error part.
 * What `fetch` throws (network errors, aborts) passes through: the SDK decides, as without it.
 * Wrong options: a TypeError at once.
 */
export function createContractFetch(options?: ContractFetchOptions): ContractFetch {
  const { fetch: inner, retry } = checkContractFetchOptions(options);
  return async (input, init) => {
    const response: unknown = await (inner ?? globalThis.fetch)(input, init);
    // A wrapped fetch that resolves with something else is a programming error: say so.
    if (!isResponse(response))
      throw new TypeError(
        `@org/error-client/ai-sdk: the wrapped fetch resolved with ${typeof response}, not a Response`,
      );
    if (response.status >= 400) {
      const ctx = callContext(input, init, response);
      throw contractCallError(await readErrorWithDates(response), ctx, retry, false);
    }
    const body = response.body;
    if (body === null || !isEventStream(response)) return response;
    return withFirstEventChecked(response, body, callContext(input, init, response), retry);
  };
}
