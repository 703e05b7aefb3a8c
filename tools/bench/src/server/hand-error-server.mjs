// Server C of the overhead bench (for reference, not a target): the hand-written answer of
// server B, but built from an Error made per request, as a service that throws its errors
// does. The gap between B and C is the cost of the Error object (its stack trace) alone.
import { serve } from "./serve.mjs";
import { ERROR_CATALOG } from "@org/error-types";

const DOC_URL = ERROR_CATALOG.model_not_found.docUrl;

class HandError extends Error {
  constructor(message, status, type, code, param) {
    super(message);
    this.status = status;
    this.type = type;
    this.code = code;
    this.param = param;
    this.docUrl = DOC_URL;
  }
}

serve((req, res) => {
  const error = new HandError("The model `gpt-9` does not exist", 404, "not_found_error", "model_not_found", "model");
  const body = JSON.stringify({ error: { message: error.message, type: error.type, code: error.code, param: error.param, doc_url: error.docUrl } });
  res.writeHead(error.status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "x-should-retry": "false",
    "x-error-code": "model_not_found",
    vary: "accept",
  });
  res.end(body);
});
