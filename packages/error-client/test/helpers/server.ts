import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A route: answers one request. */
export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** A canned answer: status, headers and a body written in one go. */
export interface Canned {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface TestServer {
  /** The absolute URL of a path on this server. */
  url(path: string): string;
  /** How many requests each path received. */
  hits(path: string): number;
  close(): Promise<void>;
}

/** Writes a canned answer, with its content-length (as servers do for a body they hold whole). */
export const reply =
  ({ status, headers = {}, body = "" }: Canned): Handler =>
  (_req, res) => {
    const sized = Object.keys(headers).some((h) => /^(content-length|transfer-encoding)$/i.test(h));
    res.writeHead(status, sized ? headers : { ...headers, "content-length": String(Buffer.byteLength(body)) });
    res.end(body);
  };

/**
 * A real HTTP server on 127.0.0.1 (ephemeral port) routing by path. Unknown paths get a
 * 404 "no route" text, so a typo in a test fails loudly.
 */
export async function startServer(routes: Record<string, Handler>): Promise<TestServer> {
  const counts = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const handler = routes[path];
    if (!handler) {
      res.writeHead(404, { "content-type": "text/plain" }).end(`no route ${path}`);
      return;
    }
    Promise.resolve(handler(req, res)).catch((e: unknown) => {
      res.destroy(e instanceof Error ? e : new Error(String(e)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    hits: (path) => counts.get(path) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
