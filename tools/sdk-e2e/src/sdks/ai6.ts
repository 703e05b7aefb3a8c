/** ai 6 with @ai-sdk/openai-compatible 2, @ai-sdk/openai 3 and @ai-sdk/anthropic 3 (this process, Node 20). */
import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import { OpenAICompatibleChatLanguageModel } from "@ai-sdk/openai-compatible";
import { generateText, streamText } from "ai";
import { type AiFunctions, type AiProviders, aiRunners } from "./ai-sdk.js";
import type { Runners } from "./runner.js";

/** The ai 6 rows' runners, with and without the integration. */
export const ai6Runners: Runners = aiRunners(
  "ai6",
  { generateText, streamText } as unknown as AiFunctions,
  { OpenAICompatibleChatLanguageModel, createOpenAI, createAnthropic } as unknown as AiProviders,
);
