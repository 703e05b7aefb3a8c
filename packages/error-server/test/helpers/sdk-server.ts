/**
 * A node:http service for the SDK tests: each surface's route answers in its dialect (the
 * adapter's per-route `dialect` function), failing with what the request's `x-test-error`
 * header names (a code, a codeless status, or `unexpected`), plainly or, when the request
 * asks for a stream, inside a started event stream after one event of the surface's own.
 * It counts attempts per `x-test-key`, so a test sees how often the SDK retried.
 */
import type { IncomingMessage } from "node:http";
import { isErrorCode } from "@org/error-types";
import { sendSseError, startSse, withErrorHandling } from "../../src/adapters/node/index.js";
import { type CodelessStatus, createError, type Dialect } from "../../src/index.js";
import { type Running, serveNode } from "./http.js";

/** What `x-test-error` asks for. */
export function failureOf(what: string): unknown {
  if (isErrorCode(what)) return createError(what);
  if (what === "unexpected") return new Error("database at 10.0.0.3 exploded");
  return createError(Number(what) as CodelessStatus);
}

/** The dialect of a surface's path. */
export function surfaceOf(url: string | undefined): Dialect {
  if (url?.startsWith("/v1/messages")) return "anthropic";
  if (url?.startsWith("/v1beta/")) return "gemini";
  return "openai";
}

/** The first event each surface's stream sends before it fails (what its SDK expects to read). */
const FIRST_EVENT: Record<Dialect, string> = {
  openai: 'data: {"id":"c1","object":"chat.completion.chunk","choices":[]}\n\n',
  anthropic:
    'event: message_start\ndata: {"type":"message_start","message":{"id":"m1","type":"message","role":"assistant","content":[],"model":"m","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":1,"output_tokens":0}}}\n\n',
  gemini: 'data: {"candidates":[{"content":{"parts":[{"text":"Hel"}],"role":"model"},"index":0}]}\n\n',
};

/** True when the request asks for a stream (Anthropic/OpenAI: `"stream": true`; Gemini: `:streamGenerateContent`). */
async function wantsStream(req: IncomingMessage): Promise<boolean> {
  if (req.url?.includes(":streamGenerateContent")) return true;
  let text = "";
  for await (const chunk of req) text += String(chunk);
  return /"stream"\s*:\s*true/.test(text);
}

/** Starts the service; `attempts` counts requests per `x-test-key`. */
export function serveSdkSurfaces(attempts: Map<string, number>): Promise<Running> {
  return serveNode(
    withErrorHandling(
      async (req, res) => {
        const key = String(req.headers["x-test-key"]);
        attempts.set(key, (attempts.get(key) ?? 0) + 1);
        const error = failureOf(String(req.headers["x-test-error"]));
        const dialect = surfaceOf(req.url);
        if (!(await wantsStream(req))) {
          // Keeps the SDKs' back-off short: they prefer retry-after-ms to their own delays.
          res.setHeader("retry-after-ms", "1");
          throw error;
        }
        startSse(res, { dialect });
        res.write(FIRST_EVENT[dialect]);
        sendSseError(res, error, { dialect, onError: () => undefined });
      },
      { onError: () => undefined, dialect: (req) => surfaceOf(req.url) },
    ),
  );
}
