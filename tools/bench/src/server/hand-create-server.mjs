// Server E of the overhead bench (for reference, not a target): server B's hand-written
// answer, plus one `createError(...)` per request whose result is not used. The gap between
// B and E is what building the ContractError alone costs (under NODE_ENV=production a 4xx
// one captures no stack: what is left is the engine's Error construction), so A/E is the
// cost of everything else @org/error-server does.
import { serve } from "./serve.mjs";
import { createError } from "@org/error-server";
import { ERROR_CATALOG } from "@org/error-types";

const DOC_URL = ERROR_CATALOG.model_not_found.docUrl;
let made = 0;

serve((req, res) => {
  // Kept reachable (a counter reads it), so the engine cannot drop the construction.
  if (createError("model_not_found", "The model `gpt-9` does not exist", { param: "model" }).status === 404) made++;
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

process.on("exit", () => void made);
