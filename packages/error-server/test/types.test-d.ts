import type { ErrorCode } from "@org/error-types";
import { describe, expectTypeOf, it } from "vitest";
import { type ContractError, createError } from "../src/index.js";

describe("createError types", () => {
  it("types the catalog status as its literal", () => {
    expectTypeOf(createError("model_not_found").status).toEqualTypeOf<404>();
    expectTypeOf(createError("channel:invalid_key").status).toEqualTypeOf<502>();
    expectTypeOf(createError("model_not_found").code).toEqualTypeOf<"model_not_found">();
  });

  it("types a status override and a code-less error", () => {
    expectTypeOf(createError("read_request_body_failed", undefined, { status: 413 }).status).toEqualTypeOf<413>();
    expectTypeOf(createError(429).code).toEqualTypeOf<null>();
    expectTypeOf(createError(429).status).toEqualTypeOf<429>();
  });

  it("rejects unknown codes and non-error statuses at compile time", () => {
    // @ts-expect-error not a catalog code
    createError("model_missing");
    // @ts-expect-error not an error status
    createError(200);
    // @ts-expect-error 403 needs a code (the schema: 403 is not codeless)
    createError(403);
    // @ts-expect-error model_not_found may only be sent with 404
    createError("model_not_found", undefined, { status: 400 });
    expectTypeOf(createError("model_not_found", { param: "model" }).status).toEqualTypeOf<404>();
    expectTypeOf<ContractError["code"]>().toEqualTypeOf<ErrorCode | null>();
  });
});

// Issue 20: a service imports the contract's code and type unions from this package.
import type { ErrorCode as ServerErrorCode, ErrorType as ServerErrorType } from "../src/index.js";
import type { ErrorCode as ContractErrorCode, ErrorType as ContractErrorType } from "@org/error-types";
expectTypeOf<ServerErrorCode>().toEqualTypeOf<ContractErrorCode>();
expectTypeOf<ServerErrorType>().toEqualTypeOf<ContractErrorType>();
