// Server A of the overhead bench: every request is answered with a contract error through
// @org/error-server's node adapter. Listens on 127.0.0.1, an ephemeral port; prints the port.
import { serve } from "./serve.mjs";
import { createError } from "@org/error-server";
import { sendError } from "@org/error-server/node";

serve((req, res) => {
  sendError(res, createError("model_not_found", "The model `gpt-9` does not exist", { param: "model" }));
});
