/**
 * Serves a fetch handler over node:http the way @hono/node-server does, keeping what the
 * Response says byte for byte: every `Set-Cookie` line (`getSetCookie`), every other header
 * as given (framing ones too: a bad one must show on the wire), no body for HEAD.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { inRequestSpan } from "./tracing.js";

/** A node:http server for `handler`. */
export function fetchServer(handler: (request: Request) => Response | Promise<Response>): Server {
  return createServer((req, res) => {
    bridge(handler, req, res).catch(() => {
      // The bridge's own failure: the connection is cut, which the invariants report.
      res.destroy();
    });
  });
}

async function bridge(
  handler: (request: Request) => Response | Promise<Response>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2)
    headers.append(req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string);
  const request = new Request(`http://127.0.0.1${req.url ?? "/"}`, { method: req.method ?? "GET", headers });
  const response = await inRequestSpan(() => handler(request));
  const body = Buffer.from(await response.arrayBuffer());
  for (const [name, value] of response.headers) if (name !== "set-cookie") res.setHeader(name, value);
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  res.statusCode = response.status;
  res.end(req.method === "HEAD" ? undefined : body);
}
