// A child process serving a BUILT @org/error-server (the dist folder given as argv[2]) with
// its node adapter, on 127.0.0.1:0. Plain JavaScript so that Node runs it as it is, with no
// test runner between the built package and the socket.
//
// Every POST body is `{ first, message?, options? }`: the handler calls
// `createError(first, message, options)` of that build and throws the result, so
// `withErrorHandling` answers it. When `createError` itself throws (a TypeError for what the
// contract does not allow), the handler answers 200 `{ rejected: { name, message } }`
// instead, so the test can tell a refusal from a response. A body `{ httpError: status }`
// throws a framework-style error instead (an Error with that `status`, the http-errors
// convention), which the adapter maps by the contract's status table.
//
// It prints `{"port": n}` once listening, and exits when its stdin closes: a test runner
// that dies cannot leave the server behind.
import { createServer } from "node:http";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const dist = process.argv[2];
if (!dist) throw new TypeError("usage: node built-node-server.mjs <dist folder of @org/error-server>");
const { createError } = await import(pathToFileURL(join(dist, "index.js")).href);
const { withErrorHandling } = await import(pathToFileURL(join(dist, "node.js")).href);

const server = createServer(
  withErrorHandling(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const { first, message, options, httpError } = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    if (httpError !== undefined)
      throw Object.assign(new Error("framework error"), { status: httpError, expose: false });
    let error;
    try {
      error = createError(first, message ?? undefined, options ?? undefined);
    } catch (e) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ rejected: { name: e?.name, message: e?.message } }));
      return;
    }
    throw error;
  }),
);

server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});

const stop = () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
};
process.stdin.on("end", stop);
process.stdin.on("close", stop);
process.stdin.resume();
