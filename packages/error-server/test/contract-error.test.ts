import { describe, expect, it } from "vitest";
import { ContractError, createError, isContractError } from "../src/index.js";

describe("new ContractError", () => {
  it("defaults the type from the status and the message from the status text", () => {
    const error = new ContractError({ status: 418 });
    expect(error).toMatchObject({ status: 418, code: null, type: "invalid_request_error", message: "Request failed" });
  });

  it("defaults type and message from the catalog when given a code", () => {
    expect(new ContractError({ status: 502, code: "channel:invalid_key" })).toMatchObject({
      type: "upstream_error",
      message: "Invalid channel key",
    });
  });

  it.each([{ status: 399 }, { status: 600 }, { status: "404" }, { status: Number.NaN }])(
    "rejects status $status",
    ({ status }) => {
      expect(() => new ContractError({ status: status as never })).toThrow(/status must be an integer from 400 to 599/);
    },
  );

  it("is an Error with a stack, for logs", () => {
    const error = createError("bad_response");
    expect(error).toBeInstanceOf(Error);
    expect(error.stack).toContain("ContractError");
  });
});

describe("ContractError.from", () => {
  it("returns a ContractError unchanged", () => {
    const error = createError("prompt_blocked");
    expect(ContractError.from(error)).toBe(error);
  });

  it.each([new Error("db password=hunter2"), "a string", null, undefined, 7])(
    "wraps %s as a generic 500 keeping it as the cause",
    (value) => {
      const error = ContractError.from(value);
      expect(error).toMatchObject({ status: 500, code: null, type: "server_error", message: "Internal server error" });
      expect(error.cause).toBe(value);
    },
  );
});

describe("isContractError", () => {
  it.each([
    { given: "a ContractError", value: createError(404), want: true },
    {
      given: "a copy from another build (same brand)",
      value: Object.assign(new Error("x"), { [Symbol.for("@org/error-server.ContractError")]: true }),
      want: true,
    },
    { given: "a plain Error", value: new Error("x"), want: false },
    { given: "a look-alike without the brand", value: { name: "ContractError", status: 404, code: null }, want: false },
    { given: "null", value: null, want: false },
    { given: "a string", value: "ContractError", want: false },
    {
      given: "a Proxy that throws",
      value: new Proxy(
        {},
        {
          get: () => {
            throw new Error("no");
          },
          getPrototypeOf: () => {
            throw new Error("no");
          },
        },
      ),
      want: false,
    },
  ])("$given -> $want", ({ value, want }) => {
    expect(isContractError(value)).toBe(want);
  });
});
