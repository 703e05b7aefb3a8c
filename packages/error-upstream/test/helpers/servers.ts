import type { AddressInfo } from "node:net";
import type { Server } from "node:http";

/** Starts `server` on 127.0.0.1 on an ephemeral port and gives its base URL. */
export async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Stops `server`, cutting open connections (a stalled replay must not hold the test). */
export async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** A port nothing listens on (a server was started there and stopped). */
export async function closedPort(make: () => Server): Promise<string> {
  const server = make();
  const url = await listen(server);
  await close(server);
  return url;
}
