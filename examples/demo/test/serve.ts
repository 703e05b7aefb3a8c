import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A server listening on 127.0.0.1 on an ephemeral port. */
export interface Running {
  url: string;
  close(): Promise<void>;
}

/** A request handler; an async one's rejection ends its response with a 500 instead of floating. */
export type Listener = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** Starts a node:http server for `listener` on 127.0.0.1:0; `close` also drops keep-alive sockets. */
export async function serveNode(listener: Listener): Promise<Running> {
  const server = createServer((req, res) => {
    // Why: a handler that rejects must fail its request visibly, not as an unhandled rejection.
    Promise.resolve()
      .then(() => listener(req, res))
      .catch(() => {
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
