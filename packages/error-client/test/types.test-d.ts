import type { ErrorCode as TypesErrorCode, ErrorType as TypesErrorType } from "@org/error-types";
import { describe, expectTypeOf, it } from "vitest";
import {
  type ApiError,
  type ErrorCode,
  type ErrorType,
  DEFAULT_RETRY_POLICY,
  fetchWithContract,
  isApiError,
  parseErrorBody,
  parseErrorResponse,
  readSseEvents,
  retryDelayMs,
  type SseEvent,
} from "../src/index.js";

describe("types", () => {
  it("ErrorCode and ErrorType are exported by the client itself", () => {
    expectTypeOf<ErrorCode>().toEqualTypeOf<TypesErrorCode>();
    expectTypeOf<ErrorType>().toEqualTypeOf<TypesErrorType>();
  });

  it("ApiError's members are typed as the issue says", () => {
    expectTypeOf<ApiError["status"]>().toEqualTypeOf<number | null>();
    expectTypeOf<ApiError["code"]>().toEqualTypeOf<ErrorCode | null>();
    expectTypeOf<ApiError["rawCode"]>().toEqualTypeOf<unknown>();
    expectTypeOf<ApiError["retryAfterMs"]>().toEqualTypeOf<number | null>();
    expectTypeOf<ApiError["isContract"]>().toEqualTypeOf<boolean>();
  });

  it("isApiError narrows, and only accepts catalog codes", () => {
    const value: unknown = null;
    if (isApiError(value, "model_not_found")) {
      expectTypeOf(value).toMatchTypeOf<ApiError>();
      expectTypeOf(value.code).toEqualTypeOf<"model_not_found">();
    }
    if (isApiError(value)) expectTypeOf(value).toEqualTypeOf<ApiError>();
    // @ts-expect-error not a catalog code
    isApiError(value, "model_missing");
  });

  it("the parsers and helpers return what they say", () => {
    expectTypeOf(parseErrorResponse).returns.toEqualTypeOf<Promise<ApiError>>();
    expectTypeOf(parseErrorBody).returns.toEqualTypeOf<ApiError>();
    expectTypeOf(retryDelayMs).returns.toEqualTypeOf<number | null>();
    expectTypeOf(fetchWithContract).returns.toEqualTypeOf<Promise<Response>>();
    expectTypeOf(readSseEvents).returns.toMatchTypeOf<AsyncIterable<SseEvent>>();
    expectTypeOf(DEFAULT_RETRY_POLICY.maxRetries).toEqualTypeOf<number>();
  });
});
