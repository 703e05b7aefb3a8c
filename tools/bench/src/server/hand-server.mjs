// Server B of the overhead bench: the same answer written by hand, byte for byte what
// server A sends, contract 1.1's doc_url, x-error-code and vary included (the parent checks
// status, headers and body match before timing).
import { serve } from "./serve.mjs";
import { ERROR_CATALOG } from "@org/error-types";

// Read once at start-up, as a hand-written server would keep its constant (the parity check
// would flag a drift).
const DOC_URL = ERROR_CATALOG.model_not_found.docUrl;

serve((req, res) => {
  const body = JSON.stringify({ error: { message: "The model `gpt-9` does not exist", type: "not_found_error", code: "model_not_found", param: "model", doc_url: DOC_URL } });
  res.writeHead(404, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "x-should-retry": "false",
    "x-error-code": "model_not_found",
    vary: "accept",
  });
  res.end(body);
});
