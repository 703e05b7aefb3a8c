/**
 * The Vercel AI SDK (ai 6 in this process, ai 7 in the Node 22 child), one runner per
 * provider, with and without `@org/error-client/ai-sdk`: `generateText` for a plain answer,
 * `streamText` for a stream. The SDK's modules are given, not imported, so the same code
 * drives both majors.
 */
import { contractErrorStructure, createContractFetch, toApiError } from "@org/error-client/ai-sdk";
import type { Mode } from "../cases.js";
import { at, classOf, type Observation, observe, type Probe, type Probes } from "../observe.js";
import { MAX_TOKENS, MODEL, PROMPT, type Runner, type Runners } from "./runner.js";

/** One part of `streamText`'s `fullStream` (the members read here). */
interface StreamPart {
  readonly type: string;
  readonly text?: unknown;
  readonly error?: unknown;
  readonly rawValue?: unknown;
}

/** The two functions of `ai` the matrix calls (method syntax: the model type is each major's own). */
export interface AiFunctions {
  generateText(options: { model: never; prompt: string; maxOutputTokens: number }): PromiseLike<unknown>;
  streamText(options: {
    model: never;
    prompt: string;
    maxOutputTokens: number;
    includeRawChunks: boolean;
    onError: (event: unknown) => void;
  }): {
    readonly fullStream: AsyncIterable<StreamPart>;
    readonly response: PromiseLike<{ readonly headers?: Record<string, string> }>;
  };
}

/** The provider factories and the model class of one AI SDK major (each major's own option types). */
export interface AiProviders {
  createOpenAI(options: { baseURL: string; apiKey: string; fetch?: unknown }): { chat(id: string): unknown };
  createAnthropic(options: { baseURL: string; apiKey: string; fetch?: unknown }): (id: string) => unknown;
  /** `errorStructure` is a setting of the model class, not of `createOpenAICompatible`. */
  OpenAICompatibleChatLanguageModel: new (id: string, settings: Record<string, unknown>) => unknown;
}

// What a user holds: the thrown error (`err`, the `lastError` of a `RetryError`), or for a
// stream the error part and the call's response metadata (`(await result.response).headers`).
interface Subject {
  readonly err?: unknown;
  readonly part?: { readonly error: unknown; readonly raw?: unknown };
  readonly response?: { readonly headers?: unknown };
}

const path = (...keys: string[]): Probe => ({ where: keys.join("."), read: (s) => at(s, ...keys) });
const header = (root: "err" | "response", name: string): Probe => ({
  where: root === "err" ? `err.responseHeaders["${name}"]` : `(await result.response).headers["${name}"]`,
  read: (s) => at(s, root, root === "err" ? "responseHeaders" : "headers", name),
});
// `part.rawValue`: the raw chunk before the error part (`includeRawChunks: true`), the event as sent.
const contract = (root: "err" | "part.error" | "part.rawValue", member: "code" | "requestId"): Probe => ({
  where: `toApiError(${root}).${member}`,
  read: (s) =>
    at(toApiError(at(s, ...(root === "err" ? ["err"] : ["part", root === "part.error" ? "error" : "raw"]))), member),
});

/** Where a user finds each fact, the documented place first (`integration`: `toApiError`). */
export function aiProbes(mode: Mode, integration: boolean): Probes {
  if (mode === "plain")
    return {
      code: [
        ...(integration ? [contract("err", "code")] : []),
        path("err", "data", "error", "code"),
        path("err", "data", "error", "details", "error_code"),
      ],
      requestId: [
        ...(integration ? [contract("err", "requestId")] : []),
        header("err", "x-request-id"),
        header("err", "request-id"),
      ],
      status: [path("err", "statusCode")],
      message: [path("err", "message")],
      retryable: path("err", "isRetryable"),
    };
  // A stream's request id is on the 200's headers, which the result keeps; the error part
  // holds what the provider's schema kept of the event, the raw chunk before it all of it.
  return {
    code: [
      ...(integration ? [contract("part.rawValue", "code"), contract("part.error", "code")] : []),
      path("part", "error", "code"),
    ],
    requestId: [
      header("response", "x-request-id"),
      header("response", "request-id"),
      ...(integration ? [contract("part.error", "requestId")] : []),
      path("part", "error", "request_id"),
    ],
    status: [path("part", "error", "statusCode")],
    message: [path("part", "error", "message")],
    retryable: path("part", "error", "isRetryable"),
  };
}

const isRetryError = (error: unknown): boolean => at(error, "name") === "AI_RetryError";

/** A runner calling `ai` with the model `modelFor` makes, reading facts through `aiProbes`. */
function aiRunner(ai: AiFunctions, modelFor: (baseUrl: string) => unknown, integration: boolean): Runner {
  return async (baseUrl: string, mode: Mode): Promise<Observation> => {
    const model = modelFor(baseUrl) as never;
    const probes = aiProbes(mode, integration);
    if (mode === "plain") {
      try {
        await ai.generateText({ model, prompt: PROMPT, maxOutputTokens: MAX_TOKENS });
        return observe(undefined, probes, "");
      } catch (error) {
        const last = isRetryError(error) ? at(error, "lastError") : error;
        const name = isRetryError(error) ? `RetryError > ${classOf(last)}` : classOf(error);
        return observe({ err: last } satisfies Subject, probes, "", name);
      }
    }
    // Errors of a started stream are parts, not throws (the SDK's choice); the default
    // onError would log each one.
    // With the integration, raw chunks too: the README's way to the code of an error after text.
    const options = { model, prompt: PROMPT, maxOutputTokens: MAX_TOKENS, includeRawChunks: integration };
    const result = ai.streamText({ ...options, onError: () => undefined });
    let text = "";
    let raw: unknown;
    let failure: { error: unknown; raw: unknown } | undefined;
    for await (const part of result.fullStream) {
      if (part.type === "text-delta" && typeof part.text === "string") text += part.text;
      if (part.type === "raw") raw = part.rawValue;
      if (part.type === "error") failure ??= { error: part.error, raw };
    }
    if (failure === undefined) return observe(undefined, probes, text);
    const response = await Promise.resolve(result.response).catch(() => undefined);
    const subject: Subject = { part: failure, response: { headers: response?.headers } };
    return observe(subject, probes, text, `error part: ${classOf(failure.error)}`);
  };
}

/**
 * The runners of one major's six rows: `<prefix>-openai-compatible`, `-openai`, `-anthropic`,
 * each also `+contract` (with `contractErrorStructure` and `createContractFetch()`, as the
 * integration's README sets them up).
 */
export function aiRunners(prefix: string, ai: AiFunctions, providers: AiProviders): Runners {
  const apiKey = "sk-e2e";
  const compatible = (baseUrl: string, extra: object) =>
    new providers.OpenAICompatibleChatLanguageModel(MODEL, {
      provider: "gateway.chat",
      url: ({ path: p }: { path: string }) => `${baseUrl}/v1${p}`,
      headers: () => ({ authorization: `Bearer ${apiKey}` }),
      ...extra,
    });
  const fetchOf = (integration: boolean) => (integration ? { fetch: createContractFetch() } : {});
  const rows = (integration: boolean): Runners => ({
    [`${prefix}-openai-compatible${integration ? "+contract" : ""}`]: aiRunner(
      ai,
      (b) => compatible(b, integration ? { errorStructure: contractErrorStructure, ...fetchOf(true) } : {}),
      integration,
    ),
    [`${prefix}-openai${integration ? "+contract" : ""}`]: aiRunner(
      ai,
      (b) => providers.createOpenAI({ baseURL: `${b}/v1`, apiKey, ...fetchOf(integration) }).chat(MODEL),
      integration,
    ),
    [`${prefix}-anthropic${integration ? "+contract" : ""}`]: aiRunner(
      ai,
      (b) => providers.createAnthropic({ baseURL: `${b}/v1`, apiKey, ...fetchOf(integration) })(MODEL),
      integration,
    ),
  });
  return { ...rows(false), ...rows(true) };
}
