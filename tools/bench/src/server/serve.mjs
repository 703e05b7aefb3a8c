// The shell every overhead-bench server shares: listen on 127.0.0.1 on an ephemeral port,
// print the port as one JSON line, and stop when the parent closes stdin, so no server
// outlives the bench, whatever happens to the parent.
import { createServer } from "node:http";

/** Serves `handler` until stdin ends. */
export function serve(handler) {
  const server = createServer(handler);
  server.listen(0, "127.0.0.1", () => process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`));
  process.stdin.on("end", () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
  process.stdin.resume();
}
