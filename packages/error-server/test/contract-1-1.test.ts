import { ERROR_CATALOG, ERROR_CODES } from "@org/error-types";
import { validateErrorEnvelope } from "@org/error-validator";
import { describe, expect, it } from "vitest";
import { ContractError, createError, toErrorResponse } from "../src/index.js";

// Contract 1.1: `request_id` and `doc_url` in the body when known, `x-error-code` on every
// response with a catalog code; `bodyMetadata: false` sends 1.0 bodies.
const quiet = { onError: () => undefined };

describe("contract 1.1 members", () => {
  it.each(ERROR_CODES)(
    "%s: request_id = x-request-id, doc_url from the catalog, x-error-code = the code, strict body",
    (code) => {
      const { headers, body } = toErrorResponse(createError(code), { ...quiet, requestId: "req_9" });
      expect(body.error).toMatchObject({ request_id: "req_9", doc_url: ERROR_CATALOG[code].docUrl });
      expect(body.error.request_id).toBe(headers["x-request-id"]);
      expect(headers["x-error-code"]).toBe(code);
      expect(validateErrorEnvelope(body, { mode: "strict" }).ok).toBe(true);
    },
  );

  it.each([
    { given: "no request id", requestId: undefined },
    { given: "a request id with CR/LF", requestId: "a\r\nset-cookie: x=y" },
    { given: "an over-long request id", requestId: "x".repeat(201) },
    { given: "an empty request id", requestId: "" },
  ])("$given: neither the header nor request_id", ({ requestId }) => {
    const { headers, body } = toErrorResponse(createError("model_not_found"), { ...quiet, requestId });
    expect(headers).not.toHaveProperty("x-request-id");
    expect(body.error).not.toHaveProperty("request_id");
    expect(body.error.doc_url).toBe(ERROR_CATALOG.model_not_found.docUrl);
  });

  it.each([
    { given: "429 without a code", error: () => createError(429) },
    { given: "an unexpected error", error: () => new Error("boom") },
  ])("$given: no doc_url and no x-error-code, but the request id", ({ error }) => {
    const { headers, body } = toErrorResponse(error(), { ...quiet, requestId: "r" });
    expect(body.error).not.toHaveProperty("doc_url");
    expect(body.error.request_id).toBe("r");
    expect(headers).not.toHaveProperty("x-error-code");
  });

  it("a code outside the catalog (a low-level ContractError) gets no doc_url and no x-error-code", () => {
    const { headers, body } = toErrorResponse(new ContractError({ status: 400, code: "made_up\r\nx: y" as never }), {
      ...quiet,
      validate: false,
    });
    expect(body.error).not.toHaveProperty("doc_url");
    expect(headers).not.toHaveProperty("x-error-code");
  });

  it("bodyMetadata: false sends a 1.0 body (strict 1.0 shape) and still the headers", () => {
    const { headers, body } = toErrorResponse(createError("get_channel_failed"), {
      ...quiet,
      requestId: "r",
      bodyMetadata: false,
    });
    expect(body).toEqual({
      error: { message: ERROR_CATALOG.get_channel_failed.meaning, type: "upstream_error", code: "get_channel_failed" },
    });
    expect(headers).toMatchObject({ "x-request-id": "r", "x-error-code": "get_channel_failed" });
  });

  it.each(["x-error-code", "X-Error-Code"])("%s is the package's header: an error cannot set it", (name) => {
    expect(() => createError("invalid_request", undefined, { headers: { [name]: "other" } })).toThrow(TypeError);
    expect(() => new ContractError({ status: 400, code: "invalid_request", headers: { [name]: "other" } })).toThrow(
      TypeError,
    );
  });
});
