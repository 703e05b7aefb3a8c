import type { AdapterOptions } from "./options.js";

/**
 * The request id for one request: the `getRequestId` option if given, else `fallback`
 * (the incoming `x-request-id`). A throwing `getRequestId` means no id, not a crash.
 */
export function requestIdFor<Req>(options: AdapterOptions<Req> | undefined, request: Req, fallback: () => string | undefined): string | undefined {
  try {
    return options?.getRequestId ? options.getRequestId(request) : fallback();
  } catch {
    return undefined;
  }
}
