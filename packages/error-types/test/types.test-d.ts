import { describe, expectTypeOf, it } from "vitest";
import {
  codeToHttpStatus,
  ERROR_CATALOG,
  type ErrorBody,
  type ErrorCode,
  type ErrorEnvelope,
  type ErrorType,
  HTTP_STATUSES,
  type HttpErrorStatus,
  isErrorCode,
  isHttpErrorStatus,
} from "../src/index.js";

type Expected26 =
  | "invalid_request"
  | "bad_request_body"
  | "read_request_body_failed"
  | "convert_request_failed"
  | "sensitive_words_detected"
  | "prompt_blocked"
  | "access_denied"
  | "model_not_found"
  | "invalid_api_type"
  | "get_channel_failed"
  | "channel:no_available_key"
  | "channel:invalid_key"
  | "channel:model_mapped_error"
  | "channel:response_time_exceeded"
  | "insufficient_user_quota"
  | "pre_consume_token_quota_failed"
  | "model_price_error"
  | "count_token_failed"
  | "do_request_failed"
  | "bad_response"
  | "bad_response_status_code"
  | "empty_response"
  | "read_response_body_failed"
  | "json_marshal_failed"
  | "query_data_error"
  | "update_data_error";

describe("generated types", () => {
  it("ErrorCode is exactly the 26 literals", () => {
    expectTypeOf<ErrorCode>().toEqualTypeOf<Expected26>();
  });

  it("an unknown code string does not compile where ErrorCode is expected", () => {
    const take = (code: ErrorCode): ErrorCode => code;
    // @ts-expect-error "invalid_key" is not a catalog code (the prefix matters)
    take("invalid_key");
    // @ts-expect-error arbitrary strings are not codes
    take("model_not_found " as string);
    expectTypeOf(take).parameter(0).not.toEqualTypeOf<string>();
  });

  it("the catalog's literals are narrow", () => {
    expectTypeOf(ERROR_CATALOG["model_not_found"].status).toEqualTypeOf<404>();
    expectTypeOf(ERROR_CATALOG["channel:invalid_key"].retryable).toEqualTypeOf<false>();
    expectTypeOf(ERROR_CATALOG["get_channel_failed"].type).toEqualTypeOf<"upstream_error">();
    expectTypeOf(codeToHttpStatus("channel:response_time_exceeded")).toEqualTypeOf<504>();
  });

  it("the envelope types follow the schema", () => {
    expectTypeOf<ErrorEnvelope["error"]>().toEqualTypeOf<ErrorBody>();
    expectTypeOf<ErrorBody["code"]>().toEqualTypeOf<ErrorCode | null>();
    expectTypeOf<ErrorBody["type"]>().toEqualTypeOf<ErrorType>();
    expectTypeOf<ErrorBody["param"]>().toEqualTypeOf<string | null | undefined>();
    // @ts-expect-error code is required, even when null
    const missing: ErrorBody = { message: "m", type: "server_error" };
    void missing;
  });

  it("HttpErrorStatus is exactly the table's statuses; catalog statuses are literal tuples", () => {
    expectTypeOf<HttpErrorStatus>().toEqualTypeOf<
      400 | 401 | 403 | 404 | 405 | 408 | 409 | 413 | 415 | 422 | 429 | 500 | 501 | 502 | 503 | 504
    >();
    expectTypeOf(ERROR_CATALOG["read_request_body_failed"].statuses).toEqualTypeOf<readonly [400, 413, 415]>();
    expectTypeOf(HTTP_STATUSES[429].retryAfter).toEqualTypeOf<true>();
    const value: unknown = 404;
    if (isHttpErrorStatus(value)) expectTypeOf(value).toEqualTypeOf<HttpErrorStatus>();
    // @ts-expect-error 418 is not a status of the contract
    const teapot: HttpErrorStatus = 418;
    void teapot;
  });

  it("isErrorCode narrows unknown to ErrorCode", () => {
    const value: unknown = "access_denied";
    if (isErrorCode(value)) expectTypeOf(value).toEqualTypeOf<ErrorCode>();
  });
});
