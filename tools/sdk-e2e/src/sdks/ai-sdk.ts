/**
 * The Vercel AI SDK (ai 6 in this process, ai 7 in the Node 22 child), one runner per
 * provider: `generateText` for a plain answer, `streamText` for a stream. The modules are
 * given, not imported, so the same code drives both majors.
 */
import type { Mode } from "../cases.js";
import { at, classOf, type Observation, observe, type Probe, type Probes } from "../observe.js";
import { MAX_TOKENS, MODEL, PROMPT, type Runner, type Runners } from "./runner.js";

/** One part of `streamText`'s `fullStream` (the members read here). */
interface StreamPart {
  readonly type: string;
  readonly text?: unknown;
  readonly error?: unknown;
}

/** The two functions of `ai` the matrix calls (method syntax: the model type is each major's own). */
export interface AiFunctions {
  generateText(options: { model: never; prompt: string; maxOutputTokens: number }): PromiseLike<unknown>;
  streamText(options: { model: never; prompt: string; maxOutputTokens: number; onError: (event: unknown) => void }): {
    readonly fullStream: AsyncIterable<StreamPart>;
  };
}

/** A provider's language model for `baseUrl` (the service's per-call prefix). */
export type ModelFor = (baseUrl: string) => unknown;

const header = (root: string, name: string): Probe => ({
  where: `${root}.responseHeaders["${name}"]`,
  read: (e) => at(e, "responseHeaders", name),
});
const path = (root: string, ...keys: string[]): Probe => ({
  where: [root, ...keys].join("."),
  read: (e) => at(e, ...keys),
});

/**
 * Where a user of the AI SDK finds each fact: on the `APICallError` (`err`, the `lastError`
 * of a `RetryError`) for a plain answer, on the stream's error part (`part.error`) for a
 * stream. `extra`: the integration's places, read first.
 */
export function aiProbes(mode: Mode, extra: Partial<Probes> = {}): Probes {
  const root = mode === "plain" ? "err" : "part.error";
  return {
    // A plain answer's body is parsed into `data`; a stream's error part is the event's
    // error object itself (ai 6) or an error carrying its members (ai 7).
    code: [
      ...(extra.code ?? []),
      ...(mode === "plain" ? [path(root, "data", "error", "code")] : [path(root, "code")]),
      path(root, "data", "error", "details", "error_code"),
      ...(mode === "plain" ? [path(root, "code")] : [path(root, "data", "error", "code")]),
      path(root, "details", "error_code"),
    ],
    requestId: [
      ...(extra.requestId ?? []),
      header(root, "x-request-id"),
      header(root, "request-id"),
      path(root, "request_id"),
    ],
    status: [...(extra.status ?? []), path(root, "statusCode")],
    message: [...(extra.message ?? []), path(root, "message")],
    retryable: extra.retryable ?? path(root, "isRetryable"),
  };
}

const isRetryError = (error: unknown): boolean => at(error, "name") === "AI_RetryError";

/** A runner calling `ai` with the model of `modelFor`, reading facts through `probesFor`. */
export function aiRunner(ai: AiFunctions, modelFor: ModelFor, probesFor: (mode: Mode) => Probes): Runner {
  return async (baseUrl: string, mode: Mode): Promise<Observation> => {
    const model = modelFor(baseUrl) as never;
    const probes = probesFor(mode);
    let text = "";
    try {
      if (mode === "plain") {
        await ai.generateText({ model, prompt: PROMPT, maxOutputTokens: MAX_TOKENS });
        return observe(undefined, probes, text);
      }
      // Errors of a started stream are parts, not throws (the SDK's choice); the default
      // onError would log each one.
      const result = ai.streamText({ model, prompt: PROMPT, maxOutputTokens: MAX_TOKENS, onError: () => undefined });
      let failure: unknown;
      for await (const part of result.fullStream) {
        if (part.type === "text-delta" && typeof part.text === "string") text += part.text;
        if (part.type === "error" && failure === undefined) failure = part.error;
      }
      return failure === undefined
        ? observe(undefined, probes, text)
        : observe(failure, probes, text, `error part: ${classOf(failure)}`);
    } catch (error) {
      if (!isRetryError(error)) return observe(error, probes, text);
      const last = at(error, "lastError");
      return observe(last, probes, text, `RetryError > ${classOf(last)}`);
    }
  };
}

/** The three provider factories of one AI SDK major (method syntax: each major's own option types). */
export interface AiProviders {
  createOpenAICompatible(options: { name: string; baseURL: string; apiKey: string }): {
    chatModel(id: string): unknown;
  };
  createOpenAI(options: { baseURL: string; apiKey: string }): { chat(id: string): unknown };
  createAnthropic(options: { baseURL: string; apiKey: string }): (id: string) => unknown;
}

/** The runners of one major's rows without the integration: `<prefix>-openai-compatible`, `-openai`, `-anthropic`. */
export function aiRunners(prefix: string, ai: AiFunctions, providers: AiProviders): Runners {
  const options = (baseUrl: string) => ({ baseURL: `${baseUrl}/v1`, apiKey: "sk-e2e" });
  const probes = (mode: Mode): Probes => aiProbes(mode);
  return {
    [`${prefix}-openai-compatible`]: aiRunner(
      ai,
      (baseUrl) => providers.createOpenAICompatible({ name: "gateway", ...options(baseUrl) }).chatModel(MODEL),
      probes,
    ),
    [`${prefix}-openai`]: aiRunner(ai, (baseUrl) => providers.createOpenAI(options(baseUrl)).chat(MODEL), probes),
    [`${prefix}-anthropic`]: aiRunner(ai, (baseUrl) => providers.createAnthropic(options(baseUrl))(MODEL), probes),
  };
}
