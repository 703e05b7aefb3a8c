import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";

/** A server listening on 127.0.0.1 on an ephemeral port. */
export interface Running {
  url: string;
  close(): Promise<void>;
}

/** Starts a node:http server for `listener` on 127.0.0.1:0; `close` also drops keep-alive sockets. */
export async function serveNode(listener: RequestListener): Promise<Running> {
  const server = createServer(listener);
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
