import type { Server } from "node:http";
import { isRetryableHttpStatus } from "@org/error-types";
import type { UpstreamOutcome } from "../../src/index.js";
import { type FakeProvider, startFakeProvider } from "./fake-provider.js";
import type { ReadmeGateway } from "./readme-gateway.js";
import { close, listen } from "./servers.js";

/** Where the gateway sends its calls and how it answers. */
export interface Route {
  provider: string;
  /** The provider's URL (default: the fake provider's). */
  providerUrl?: string;
  dialect?: "openai" | "anthropic" | "gemini";
  timeoutMs?: number;
}

/** What the caller of the gateway got. */
export interface Answer {
  /** The HTTP status (200 for an error event inside a stream). */
  status: number;
  headers: Headers;
  /** The error body as sent: the envelope, or an error event's data. */
  body: Record<string, unknown>;
  /** The envelope (`{ error }`) for the strict validator: the openai dialect's; null for an event in another dialect. */
  envelope: { error: Record<string, unknown> } | null;
  /** The event's name, for a streamed error (`error` in the anthropic dialect). */
  event?: string;
  /** What a client decides: `x-should-retry`, else the contract's status rule; in a stream, the event's `retryable`. */
  retryable: boolean;
  /** True when the error came as an SSE event. */
  streamed: boolean;
  /** Events relayed before the error event. */
  relayed: number;
  /** What the gateway's onOutcome was told last. */
  outcome: UpstreamOutcome | null;
}

/** The events of an event-stream text: each block's `event` and joined `data`. */
function events(text: string): { event: string; data: string }[] {
  return text
    .split(/\n\n/)
    .filter((block) => block.trim() !== "")
    .map((block) => {
      const lines = block.split("\n");
      const event =
        lines
          .find((l) => l.startsWith("event:"))
          ?.slice(6)
          .trim() ?? "message";
      const data = lines
        .filter((l) => l.startsWith("data:"))
        .map((l) => l.slice(5).replace(/^ /, ""))
        .join("\n");
      return { event, data };
    });
}

/** A fake provider, and README gateways in front of it (one per route, made on first use). */
export class Rig {
  private gateways = new Map<string, { server: Server; url: string; last: { outcome: UpstreamOutcome | null } }>();
  private constructor(
    readonly fake: FakeProvider,
    private readonly module: ReadmeGateway,
  ) {}

  static async start(module: ReadmeGateway): Promise<Rig> {
    return new Rig(await startFakeProvider(), module);
  }

  private async gateway(route: Route) {
    const providerUrl = route.providerUrl ?? this.fake.url;
    const key = JSON.stringify([route.provider, providerUrl, route.dialect, route.timeoutMs]);
    let gw = this.gateways.get(key);
    if (gw === undefined) {
      const last = { outcome: null as UpstreamOutcome | null };
      const server = this.module.createGateway({
        providerUrl,
        provider: route.provider,
        ...(route.dialect !== undefined && { dialect: route.dialect }),
        ...(route.timeoutMs !== undefined && { timeoutMs: route.timeoutMs }),
        onOutcome: (outcome) => (last.outcome = outcome),
      });
      gw = { server, url: await listen(server), last };
      this.gateways.set(key, gw);
    }
    return gw;
  }

  /** The base URL of the gateway for `route`. */
  async gatewayUrl(route: Route): Promise<string> {
    return (await this.gateway(route)).url;
  }

  /** Sends one chat request through the gateway for `route` and reads the error it answers. */
  async send(route: Route): Promise<Answer> {
    const gw = await this.gateway(route);
    gw.last.outcome = null;
    // A bound, not a speed goal: a gateway that never answers fails the case instead of the run.
    const res = await fetch(`${gw.url}/v1/chat/completions`, {
      method: "POST",
      body: "{}",
      signal: AbortSignal.timeout(10_000),
    });
    const text = await res.text();
    const streamed = (res.headers.get("content-type") ?? "").startsWith("text/event-stream");
    if (!streamed) {
      const body = JSON.parse(text) as { error: Record<string, unknown> };
      const said = res.headers.get("x-should-retry");
      const retryable = said === null ? isRetryableHttpStatus(res.status) : said === "true";
      return {
        status: res.status,
        headers: res.headers,
        body,
        envelope: body,
        retryable,
        streamed,
        relayed: 0,
        outcome: gw.last.outcome,
      };
    }
    const all = events(text);
    // Set by the gateway's onOutcome while the request ran (TypeScript still sees the reset above).
    const outcome = gw.last.outcome as UpstreamOutcome | null;
    // The provider's stream ended well: every event relayed, no error event to read.
    if (outcome === null) {
      const none = { error: {} };
      return {
        status: res.status,
        headers: res.headers,
        body: none,
        envelope: none,
        retryable: false,
        streamed,
        relayed: all.length,
        outcome,
      };
    }
    const last = all.at(-1);
    const data = JSON.parse(last?.data ?? "null") as Record<string, unknown> & { error: Record<string, unknown> };
    return {
      status: res.status,
      headers: res.headers,
      body: data,
      // Anthropic's event is its own shape (`type: "error"`, the contract's members under details).
      envelope: data["type"] === "error" ? null : { error: data.error },
      event: last?.event ?? "message",
      retryable: data["retryable"] === true,
      streamed,
      relayed: all.length - 1,
      outcome,
    };
  }

  async close(): Promise<void> {
    for (const gw of this.gateways.values()) await close(gw.server);
    await this.fake.close();
  }
}
