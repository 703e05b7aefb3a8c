import { ERROR_CATALOG, type ErrorCode, type ErrorEnvelope } from "@org/error-types";
import { validateErrorEnvelope } from "@org/error-validator";
import { expect } from "vitest";

/** Reads a response as a strict contract envelope, failing the test with the issues if it is not one. */
export async function readEnvelope(response: Response): Promise<ErrorEnvelope> {
  expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
  const text = await response.text();
  const result = validateErrorEnvelope(JSON.parse(text), { mode: "strict" });
  if (!result.ok) throw new Error(`not a strict envelope: ${JSON.stringify(result.issues)}\n${text}`);
  return result.value;
}

/** Asserts a response carries a catalog code with its catalog status, type, meaning and x-should-retry. */
export async function expectCatalogResponse(response: Response, code: ErrorCode): Promise<void> {
  const entry = ERROR_CATALOG[code];
  expect(response.status).toBe(entry.status);
  expect(response.headers.get("x-should-retry")).toBe(String(entry.retryable));
  expect(response.headers.get("x-error-code")).toBe(code);
  const requestId = response.headers.get("x-request-id");
  const body = await readEnvelope(response);
  // Contract 1.1: the reference entry always, the request id when the response has one.
  expect(body).toEqual({
    error: {
      message: entry.meaning,
      type: entry.type,
      code,
      doc_url: entry.docUrl,
      ...(requestId !== null && { request_id: requestId }),
    },
  });
}

/** Asserts the generic 500 for an unexpected error, with none of `secrets` anywhere in the response. */
export async function expectGeneric500(response: Response, secrets: readonly string[]): Promise<void> {
  expect(response.status).toBe(500);
  expect(response.headers.get("x-should-retry")).toBeNull();
  const headerText = JSON.stringify([...response.headers]);
  expect(response.headers.get("x-error-code")).toBeNull();
  const requestId = response.headers.get("x-request-id");
  const body = await readEnvelope(response);
  expect(body).toEqual({
    error: {
      message: "Internal server error",
      type: "server_error",
      code: null,
      ...(requestId !== null && { request_id: requestId }),
    },
  });
  for (const secret of secrets) expect(headerText).not.toContain(secret);
}
