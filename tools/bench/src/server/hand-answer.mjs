// The hand-written answer the overhead bench compares against: what a service writes when it
// builds the contract's 404 itself, byte for byte what @org/error-server sends (contract 1.1's
// doc_url, x-error-code and vary included; the parent checks status, headers and body match
// before timing). Shared by the hand-written servers so they cannot drift apart.
import { ERROR_CATALOG } from "@org/error-types";

// Read once at start-up, as a hand-written server would keep its constant (the parity check
// would flag a drift).
const DOC_URL = ERROR_CATALOG.model_not_found.docUrl;

/** The fields of the answer, as a service's own error object would carry them. */
export const MODEL_NOT_FOUND = Object.freeze({
  status: 404,
  message: "The model `gpt-9` does not exist",
  type: "not_found_error",
  code: "model_not_found",
  param: "model",
  docUrl: DOC_URL,
});

/** Writes `fields` (MODEL_NOT_FOUND or an error carrying the same fields) as the response, by hand. */
export function answerByHand(res, fields) {
  const body = JSON.stringify({
    error: {
      message: fields.message,
      type: fields.type,
      code: fields.code,
      param: fields.param,
      doc_url: fields.docUrl,
    },
  });
  res.writeHead(fields.status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "x-should-retry": "false",
    "x-error-code": fields.code,
    vary: "accept",
  });
  res.end(body);
}
