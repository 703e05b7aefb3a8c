// Server D of the overhead bench: like A, but one ContractError made at start-up answers
// every request (a fixed error such as a 404), so no Error is built per request. Through
// @org/error-server's node adapter. Listens on 127.0.0.1, an ephemeral port; prints the port.
import { serve } from "./serve.mjs";
import { createError } from "@org/error-server";
import { sendError } from "@org/error-server/node";

const notFound = createError("model_not_found", "The model `gpt-9` does not exist", { param: "model" });
serve((req, res) => {
  sendError(res, notFound);
});
