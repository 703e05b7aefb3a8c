import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

/** A server listening on 127.0.0.1 on an ephemeral port. */
export interface Running {
  url: string;
  close(): Promise<void>;
}

/** Starts `server` on 127.0.0.1:0 and returns its base URL and a close that also drops keep-alive sockets. */
export async function listen(server: Server): Promise<Running> {
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

/** A node:http server for a request listener. */
export const serveNode = (listener: RequestListener): Promise<Running> => listen(createServer(listener));

/**
 * Serves a Fetch-API handler (Hono's `app.fetch`, a Workers-style handler) over node:http,
 * the way @hono/node-server does: Request in, Response streamed out.
 */
export function serveFetch(handler: (request: Request) => Response | Promise<Response>): Promise<Running> {
  return listen(
    createServer((req: IncomingMessage, res: ServerResponse) => {
      void bridge(handler, req, res);
    }),
  );
}

async function bridge(
  handler: (request: Request) => Response | Promise<Response>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  try {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string") headers.set(name, value);
      else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    }
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const init: RequestInit & { duplex?: "half" } = { method: req.method ?? "GET", headers };
    if (hasBody) {
      init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
      init.duplex = "half";
    }
    const response = await handler(new Request(`http://127.0.0.1${req.url ?? "/"}`, init));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (response.body)
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
    res.end();
  } catch {
    // The test bridge's own failure: a status no adapter uses, so a test notices.
    if (!res.headersSent) res.writeHead(599).end();
    else res.destroy();
  }
}
