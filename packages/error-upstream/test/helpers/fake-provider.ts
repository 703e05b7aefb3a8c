import { createServer, type Server, type ServerResponse } from "node:http";
import { close, listen } from "./servers.js";

/** What the fake provider answers with: a status, headers and a body or an event stream, or a broken answer. */
export interface Replay {
  status?: number;
  headers?: Record<string, string>;
  /** JSON (sent as `application/json` unless the headers say otherwise), raw text, or raw bytes. */
  body?: unknown;
  /** Event-stream lines, sent one write per line. */
  stream?: string[];
  /** How the answer breaks: no answer, a reset before or after the headers, headers then silence. */
  breaks?: "reset_before_headers" | "reset_after_headers" | "timeout" | "body_timeout";
}

/** A provider on 127.0.0.1 replaying whatever `replay` is set to, and what the last request was. */
export interface FakeProvider {
  url: string;
  replay: Replay;
  close(): Promise<void>;
}

function bodyText(replay: Replay): string | Uint8Array {
  if (replay.body === undefined) return "";
  if (replay.body instanceof Uint8Array) return replay.body;
  return typeof replay.body === "string" ? replay.body : JSON.stringify(replay.body);
}

/** The first bytes of the body (at least one, so the body has begun when the answer breaks). */
function start(replay: Replay): string | Uint8Array {
  const head = bodyText(replay).slice(0, 5);
  return head.length > 0 ? head : "{";
}

function answer(res: ServerResponse, replay: Replay): void {
  const headers: Record<string, string> = { ...replay.headers };
  const has = (name: string): boolean => Object.keys(headers).some((h) => h.toLowerCase() === name);
  if (replay.breaks === "reset_before_headers") return void res.socket?.destroy();
  if (replay.breaks === "timeout") return; // never answers: the gateway's timeout ends it
  const stream = replay.stream !== undefined;
  if (!has("content-type"))
    headers["content-type"] = stream
      ? "text/event-stream"
      : typeof replay.body === "string" || replay.body instanceof Uint8Array
        ? "text/plain"
        : "application/json";
  res.writeHead(replay.status ?? 200, headers);
  if (replay.breaks === "reset_after_headers") {
    res.write(start(replay));
    setImmediate(() => res.socket?.destroy());
    return;
  }
  if (replay.breaks === "body_timeout") return void res.write(start(replay));
  if (!stream) return void res.end(bodyText(replay));
  for (const line of replay.stream ?? []) res.write(`${line}\n`);
  res.end("\n");
}

/** Starts the fake provider; `replay` may be changed between requests. */
export async function startFakeProvider(): Promise<FakeProvider> {
  const fake: { replay: Replay } = { replay: {} };
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on("end", () => answer(res, fake.replay));
  });
  const url = await listen(server);
  return {
    url,
    get replay() {
      return fake.replay;
    },
    set replay(value: Replay) {
      fake.replay = value;
    },
    close: () => close(server),
  };
}
