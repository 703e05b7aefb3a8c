// Server B of the overhead bench: the same answer written by hand, byte for byte what
// server A sends (the parent checks status, headers and body match before timing).
import { serve } from "./serve.mjs";

serve((req, res) => {
  const body = JSON.stringify({ error: { message: "The model `gpt-9` does not exist", type: "not_found_error", code: "model_not_found", param: "model" } });
  res.writeHead(404, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "x-should-retry": "false",
  });
  res.end(body);
});
