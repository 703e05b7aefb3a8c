/**
 * The demo's upstream scenario (contract 1.2): a gateway on node:http relays a chat request
 * to a provider (here a stand-in for OpenAI on 127.0.0.1) whose account is out of credit.
 * @org/error-upstream maps the provider's 429 `insufficient_quota` by the reviewed rules; the
 * caller gets the contract's answer with the provider named and both request ids, and the
 * gateway gets a disposition for its channel logic.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { parseErrorResponse } from "@org/error-client";
import { sendError } from "@org/error-server/node";
import { fromUpstreamFailure, fromUpstreamResponse, type UpstreamOutcome } from "@org/error-upstream";

// What OpenAI sends when the account behind a key has no credit left (its error-codes guide);
// the key in it shows that the provider's text is masked on the way.
const QUOTA_BODY = {
  error: {
    message:
      "You exceeded your current quota, please check your plan and billing details. Key sk-proj-AbCdEfGhIjKlMnOpQrStUvWx.",
    type: "insufficient_quota",
    param: null,
    code: "insufficient_quota",
  },
};

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const stop = (server: Server): Promise<void> =>
  new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve())));

/** The lines `pnpm demo` prints for the upstream scenario. */
export async function upstreamLines(): Promise<string[]> {
  const provider = createServer((_req, res) => {
    res
      .writeHead(429, { "content-type": "application/json", "x-request-id": "req_up_7f3a" })
      .end(JSON.stringify(QUOTA_BODY));
  });
  const providerUrl = await listen(provider);
  let outcome: UpstreamOutcome | undefined;
  const gateway = createServer((_req, res) => {
    void fetch(`${providerUrl}/v1/chat/completions`, { method: "POST", body: "{}" })
      .then(
        (upstream) => fromUpstreamResponse(upstream, { provider: "openai" }),
        (failure: unknown) => fromUpstreamFailure(failure, { provider: "openai", phase: "request" }),
      )
      .then((mapped) => {
        outcome = mapped;
        sendError(res, mapped.error, { requestId: "req_0100", attribution: "full" });
      });
  });
  const gatewayUrl = await listen(gateway);
  try {
    const answer = await fetch(`${gatewayUrl}/v1/chat/completions`, { method: "POST", body: "{}" });
    const shouldRetry = answer.headers.get("x-should-retry");
    const error = await parseErrorResponse(answer);
    const body = error.body as { error: { upstream?: Record<string, unknown>; message: string } };
    const upstream = body.error.upstream ?? {};
    return [
      "a provider failure behind the gateway (contract 1.2, @org/error-upstream):",
      `  provider     ${String(upstream["provider"])} answered ${String(upstream["status"])} ${String(upstream["code"])}`,
      `  caller got   ${error.status} ${String(error.code)}, x-should-retry: ${String(shouldRetry)}`,
      `  attribution  ${JSON.stringify(upstream)}`,
      `  request ids  gateway ${String(error.requestId)}, provider ${String(upstream["request_id"])}`,
      `  message      ${body.error.message}`,
      `  gateway log  disposition ${String(outcome?.disposition)} (rule ${String(outcome?.rule)}): disable the channel until it is topped up`,
    ];
  } finally {
    await stop(gateway);
    await stop(provider);
  }
}
