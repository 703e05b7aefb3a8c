import { afterAll, beforeAll } from "vitest";
import { type FaultServer, startFaultServer } from "./raw-server.js";
import { throwawayCertificate } from "./tls-cert.js";

/** The fault servers of a test file: a plain one, and a TLS one when `openssl` is installed. */
export interface FaultServers {
  plain: FaultServer;
  /** The TLS server (a throwaway self-signed certificate); throws when there is none. */
  secure: FaultServer;
  /** True when the TLS server runs. */
  tls: boolean;
}

/**
 * Starts the servers before the file's tests and stops them after, also on failure. Without
 * `openssl` the TLS faults cannot be made: `tls` is false, and the file says so once.
 */
export function useFaultServers(): FaultServers {
  const cert = throwawayCertificate();
  let plain: FaultServer | undefined;
  let secure: FaultServer | undefined;
  beforeAll(async () => {
    plain = await startFaultServer();
    if (cert) secure = await startFaultServer(cert);
    else console.warn("openssl is not installed: the TLS faults are left out");
  });
  afterAll(async () => {
    await plain?.close();
    await secure?.close();
  });
  const started = (s: FaultServer | undefined, what: string): FaultServer => {
    if (!s) throw new Error(`the ${what} fault server is not running`);
    return s;
  };
  return {
    get plain() {
      return started(plain, "plain");
    },
    get secure() {
      return started(secure, "TLS");
    },
    tls: cert !== null,
  };
}
