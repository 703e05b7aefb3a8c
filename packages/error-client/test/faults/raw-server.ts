import { createServer as createTcpServer, type Server, type Socket } from "node:net";
import { createServer as createTlsServer } from "node:tls";
import type { AddressInfo } from "node:net";

/**
 * One step of a scripted answer, written on the raw socket: bytes as they are (so any
 * malformed HTTP can be sent), bytes one chunk at a time with a pause between, a pause, an
 * orderly close, a TCP reset, or nothing ever again (the socket stays open until the client goes).
 */
export type Step =
  | { write: string }
  | { trickle: string; chunk: number; everyMs: number }
  | { waitMs: number }
  | "end"
  | "reset"
  | "hang";

/** A fault: the steps that answer one request (the request's method and body are given). */
export type Script = (request: { method: string; head: string }) => Step[];

export interface FaultServer {
  /** `http://127.0.0.1:<port>` (or `https://` for the TLS server). */
  origin: string;
  /** Registers `script` under a fresh path and returns that path's URL. */
  route(script: Script): string;
  /** Requests received on a path (each attempt counts). */
  hits(url: string): number;
  /** Sockets that carried a request and are not yet closed (on the server side). */
  openSockets(): number;
  /** Resolves once every socket is closed, or after `ms` (then returns how many are left). */
  drained(ms: number): Promise<number>;
  close(): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function play(socket: Socket, steps: Step[]): Promise<void> {
  // A function, not the property: the socket can close during any await below.
  const alive = (): boolean => !socket.destroyed;
  for (const step of steps) {
    if (!alive()) return;
    if (step === "end") return void socket.end();
    if (step === "reset") return void socket.resetAndDestroy();
    if (step === "hang") return;
    if ("write" in step) socket.write(step.write);
    else if ("waitMs" in step) await sleep(step.waitMs);
    else
      for (let i = 0; i < step.trickle.length && alive(); i += step.chunk) {
        socket.write(step.trickle.slice(i, i + step.chunk));
        await sleep(step.everyMs);
      }
  }
}

/**
 * A raw TCP (or, with `tls`, TLS) server on 127.0.0.1 that answers each request with the
 * script routed at its path: every transport fault a proxy or a broken upstream can produce.
 * It reads the request head only (a body is left unread, as a server that answers early does).
 */
export async function startFaultServer(tls?: { key: string; cert: string }): Promise<FaultServer> {
  const scripts = new Map<string, Script>();
  const counts = new Map<string, number>();
  const sockets = new Set<Socket>();
  let next = 0;
  const onSocket = (socket: Socket): void => {
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    let head = "";
    const onData = (data: Buffer): void => {
      head += data.toString("latin1");
      // A TLS ClientHello sent to this plain port (https to an http server): answer as an HTTP
      // server does, with a 400 in plain text, which the client's TLS layer cannot parse.
      if (!tls && head.charCodeAt(0) === 0x16) return void socket.end("HTTP/1.1 400 Bad Request\r\n\r\n");
      const end = head.indexOf("\r\n\r\n");
      if (end === -1) {
        if (head.length > 100_000) socket.destroy();
        return;
      }
      socket.off("data", onData);
      // Counted once a request came: a connection the client's pool opened and left idle
      // (undici reconnects after an abort) carries no call and is the pool's to close.
      sockets.add(socket);
      socket.resume(); // a request body is drained, never read
      const [method = "", path = ""] = head.split(" ", 2);
      counts.set(path, (counts.get(path) ?? 0) + 1);
      const script = scripts.get(path);
      const steps: Step[] = script
        ? script({ method, head: head.slice(0, end) })
        : [{ write: "HTTP/1.1 404 No Route\r\ncontent-length: 0\r\nconnection: close\r\n\r\n" }, "end"];
      play(socket, steps).catch(() => socket.destroy());
    };
    socket.on("data", onData);
  };
  const server: Server = tls ? createTlsServer({ key: tls.key, cert: tls.cert }, onSocket) : createTcpServer(onSocket);
  server.on("tlsClientError", () => undefined);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `${tls ? "https" : "http"}://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    route(script) {
      const path = `/f/${next++}`;
      scripts.set(path, script);
      return origin + path;
    },
    hits: (url) => counts.get(new URL(url).pathname) ?? 0,
    openSockets: () => sockets.size,
    async drained(ms) {
      const until = performance.now() + ms;
      while (sockets.size > 0 && performance.now() < until) await sleep(10);
      return sockets.size;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
