// Server A of the overhead bench: every request is answered with a contract error through
// @org/error-server's node adapter. Listens on 127.0.0.1, an ephemeral port; prints the port.
import { createServer } from "node:http";
import { createError } from "@org/error-server";
import { sendError } from "@org/error-server/node";

const server = createServer((req, res) => {
  sendError(res, createError("model_not_found", "The model `gpt-9` does not exist", { param: "model" }));
});
server.listen(0, "127.0.0.1", () => process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`));
// The parent closes stdin to stop us: no orphan server, whatever happens to the parent.
process.stdin.on("end", () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
process.stdin.resume();
