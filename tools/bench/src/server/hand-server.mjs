// Server B of the overhead bench: the same answer written by hand, byte for byte what
// server A sends (the parent checks status, headers and body match before timing).
import { createServer } from "node:http";

const server = createServer((req, res) => {
  const body = JSON.stringify({ error: { message: "The model `gpt-9` does not exist", type: "not_found_error", code: "model_not_found", param: "model" } });
  res.writeHead(404, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "x-should-retry": "false",
  });
  res.end(body);
});
server.listen(0, "127.0.0.1", () => process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`));
process.stdin.on("end", () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
process.stdin.resume();
