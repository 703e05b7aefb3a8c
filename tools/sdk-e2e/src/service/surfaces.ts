/**
 * The three API surfaces the service answers on, what request of each asks for a stream, and
 * the content a stream carries before its error event (so a client has begun an answer when
 * the error arrives: a cut-off answer must not look complete).
 */

import type { Dialect } from "@org/error-server";

/** An API surface; its error shape is the contract dialect of the same name. */
export type Surface = Dialect;

/** The surfaces, in table order. */
export const SURFACES: readonly Surface[] = Object.freeze(["openai", "anthropic", "gemini"]);

/** The route a request path names (after the per-case prefix), or undefined for none. */
export interface Route {
  readonly surface: Surface;
  /** True when the path itself asks for a stream (Gemini's `:streamGenerateContent`). */
  readonly streamPath: boolean;
}

const GEMINI = /^\/v1beta\/models\/[^/:]+:(generateContent|streamGenerateContent)$/;

/** The route of `path` (no query string), or undefined when it is none of the three. */
export function routeOf(path: string): Route | undefined {
  if (path === "/v1/chat/completions") return { surface: "openai", streamPath: false };
  if (path === "/v1/messages") return { surface: "anthropic", streamPath: false };
  const gemini = GEMINI.exec(path);
  if (gemini) return { surface: "gemini", streamPath: gemini[1] === "streamGenerateContent" };
  return undefined;
}

/** Whether the request asks for a stream: `stream: true` in the body, or Gemini's stream path. */
export function wantsStream(route: Route, body: unknown): boolean {
  if (route.streamPath) return true;
  return typeof body === "object" && body !== null && (body as { stream?: unknown }).stream === true;
}

const event = (data: unknown, name?: string): string =>
  `${name === undefined ? "" : `event: ${name}\n`}data: ${JSON.stringify(data)}\n\n`;

/** The events a stream of `surface` sends before the error: the start of an answer, "Hel". */
export function streamPrelude(surface: Surface): string {
  switch (surface) {
    case "openai":
      return event({
        id: "chatcmpl-e2e",
        object: "chat.completion.chunk",
        created: 0,
        model: "e2e-model",
        choices: [{ index: 0, delta: { role: "assistant", content: "Hel" }, finish_reason: null }],
      });
    case "anthropic":
      return [
        event(
          {
            type: "message_start",
            message: {
              id: "msg_e2e",
              type: "message",
              role: "assistant",
              model: "e2e-model",
              content: [],
              stop_reason: null,
              stop_sequence: null,
              usage: { input_tokens: 1, output_tokens: 0 },
            },
          },
          "message_start",
        ),
        event(
          { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
          "content_block_start",
        ),
        event(
          { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "Hel" } },
          "content_block_delta",
        ),
      ].join("");
    case "gemini":
      return event({
        candidates: [{ content: { parts: [{ text: "Hel" }], role: "model" }, index: 0 }],
        modelVersion: "e2e-model",
      });
  }
}

/** The text every stream's prelude carries, what a client has read when the error comes. */
export const PRELUDE_TEXT = "Hel";
