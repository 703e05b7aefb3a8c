import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import { OpenAICompatibleChatLanguageModel } from "@ai-sdk/openai-compatible";
import { APICallError, generateText, type LanguageModel, RetryError, streamText } from "ai";
import { contractErrorStructure, createContractFetch } from "../../src/ai-sdk/index.js";
import type { Dialect } from "./gateway.js";

/** A provider of the AI SDK as a user sets it up against the gateway. */
export interface Provider {
  name: string;
  dialect: Dialect;
  model: (baseURL: string) => LanguageModel;
}

/** @ai-sdk/openai-compatible's chat model (errorStructure is a model setting, not a provider one). */
const compatible = (baseURL: string, extra: { fetch?: typeof fetch }): LanguageModel =>
  new OpenAICompatibleChatLanguageModel("gpt-4o", {
    provider: "gateway.chat",
    url: ({ path }) => `${baseURL}${path}`,
    headers: () => ({ authorization: "Bearer sk-test" }),
    errorStructure: contractErrorStructure,
    ...extra,
  });

/** Each provider with the integration, as the README shows it. */
export const WITH_INTEGRATION: readonly Provider[] = [
  { name: "openai-compatible + contractErrorStructure", dialect: "openai", model: (b) => compatible(b, {}) },
  {
    name: "openai-compatible + contractErrorStructure + createContractFetch",
    dialect: "openai",
    model: (b) => compatible(b, { fetch: createContractFetch() }),
  },
  {
    name: "openai + createContractFetch",
    dialect: "openai",
    model: (b) => createOpenAI({ baseURL: b, apiKey: "sk-test", fetch: createContractFetch() }).chat("gpt-4o"),
  },
  {
    name: "anthropic + createContractFetch",
    dialect: "anthropic",
    model: (b) => createAnthropic({ baseURL: b, apiKey: "sk-test", fetch: createContractFetch() })("claude-sonnet-4-5"),
  },
];

/** The same providers at their defaults: no integration. */
export const WITHOUT_INTEGRATION: readonly Provider[] = [
  {
    name: "openai-compatible",
    dialect: "openai",
    model: (b) =>
      new OpenAICompatibleChatLanguageModel("gpt-4o", {
        provider: "gateway.chat",
        url: ({ path }) => `${b}${path}`,
        headers: () => ({}),
      }),
  },
  { name: "openai", dialect: "openai", model: (b) => createOpenAI({ baseURL: b, apiKey: "sk-test" }).chat("gpt-4o") },
  {
    name: "anthropic",
    dialect: "anthropic",
    model: (b) => createAnthropic({ baseURL: b, apiKey: "sk-test" })("claude-sonnet-4-5"),
  },
];

/** The error of the last attempt: the SDK wraps errors of a call it retried in a RetryError. */
export const lastAttempt = (error: unknown): unknown => (RetryError.isInstance(error) ? error.lastError : error);

/** The APICallError of the last attempt, or a failure naming what came instead. */
export function lastCallError(error: unknown): APICallError {
  const last = lastAttempt(error);
  if (!APICallError.isInstance(last)) throw new Error(`expected an APICallError, got ${String(last)}`);
  return last;
}

/**
 * Streams a call to its end: the error part's error (streamText reports errors as parts, it
 * never throws) and, with `includeRawChunks`, the last raw chunk (`rawValue`: the last event
 * as the server sent it, untrimmed by the provider's schema).
 */
export async function streamError(
  model: LanguageModel,
  includeRawChunks = false,
): Promise<{ error: unknown; text: string; raw: unknown }> {
  const result = streamText({ model, prompt: "hi", includeRawChunks, onError: () => undefined });
  let error: unknown = undefined;
  let raw: unknown = undefined;
  let text = "";
  for await (const part of result.fullStream) {
    if (part.type === "error") error = part.error;
    if (part.type === "raw") raw = part.rawValue;
    if (part.type === "text-delta") text += part.text;
  }
  return { error, text, raw };
}

/** What `generateText` threw (a call that succeeds is a failure of the test). */
export async function generateError(model: LanguageModel): Promise<unknown> {
  try {
    await generateText({ model, prompt: "hi" });
  } catch (error) {
    return error;
  }
  throw new Error("the call succeeded");
}
