import { z } from "zod/v4";
import { isRetryable, parseErrorBody } from "../index.js";

/**
 * The error body `contractErrorStructure` reads: the OpenAI-form envelope, every member kept
 * (`error.code`, `error.request_id`, `error.doc_url`, a stream event's root `retryable`).
 */
export interface ContractErrorBody {
  error: { message: string; [member: string]: unknown };
  [member: string]: unknown;
}

// A zod schema, not any validator: @ai-sdk/openai-compatible puts it in a `z.union` with its
// stream chunk schema. Loose objects, so no member of the contract is stripped from `data`.
const errorSchema: z.ZodType<ContractErrorBody> = z.looseObject({ error: z.looseObject({ message: z.string() }) });

/**
 * The `errorStructure` of `createOpenAICompatible` for a service that speaks the contract:
 * `isRetryable` is the contract's decision (`isRetryable` of the `ApiError` that the status,
 * the headers and the body make: `x-should-retry`, then the catalog, then the status);
 * `errorToMessage` gives the contract's message. The thrown `APICallError` keeps the body on
 * `data` (`data.error.code`, `data.error.request_id`) and the headers on `responseHeaders`.
 */
export const contractErrorStructure: {
  readonly errorSchema: z.ZodType<ContractErrorBody>;
  readonly errorToMessage: (data: ContractErrorBody) => string;
  readonly isRetryable: (response: Response, data?: ContractErrorBody) => boolean;
} = Object.freeze({
  errorSchema,
  errorToMessage: (data: ContractErrorBody): string => data.error.message,
  // The SDK read the body already: `data` when it parsed, else only the status and headers.
  isRetryable: (response: Response, data?: ContractErrorBody): boolean =>
    isRetryable(parseErrorBody({ status: response.status, headers: response.headers, body: data ?? "" })),
});
