/**
 * Runs Verdaccio in its own process (started by registry.ts): listens on 127.0.0.1, port 0,
 * and reports the port it got over IPC. Exits when the parent goes away, so an aborted test
 * run never leaves a registry behind.
 */
import type { AddressInfo } from "node:net";
import { runServer } from "verdaccio";

const configPath = process.argv[2];
if (!configPath || !process.send) {
  console.error("registry-child: usage: node --import tsx registry-child.ts <config.yaml> (with an IPC channel)");
  process.exit(2);
}

process.on("disconnect", () => process.exit(0));

try {
  const server = await runServer(configPath);
  server.listen(0, "127.0.0.1", () => {
    const { port } = server.address() as AddressInfo;
    process.send?.({ port });
  });
  server.on("error", (e: Error) => {
    console.error(`registry-child: ${e.message}`);
    process.exit(1);
  });
} catch (e) {
  console.error(`registry-child: Verdaccio did not start: ${(e as Error).message}`);
  process.exit(1);
}
