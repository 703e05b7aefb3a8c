/**
 * ai 7 with @ai-sdk/openai-compatible 3, @ai-sdk/openai 4 and @ai-sdk/anthropic 4, installed
 * under aliases (`ai7`, `ai7-*`) beside ai 6. ai 7 needs Node >= 22: only the child process
 * (src/ai7-child.ts, run by the Node 22 binary) imports this module.
 */
import { createAnthropic } from "ai7-anthropic";
import { createOpenAI } from "ai7-openai";
import { OpenAICompatibleChatLanguageModel } from "ai7-openai-compatible";
import { generateText, streamText } from "ai7";
import { type AiFunctions, type AiProviders, aiRunners } from "./ai-sdk.js";
import type { Runners } from "./runner.js";

/** The ai 7 rows' runners, with and without the integration. */
export const ai7Runners: Runners = aiRunners(
  "ai7",
  { generateText, streamText } as unknown as AiFunctions,
  { OpenAICompatibleChatLanguageModel, createOpenAI, createAnthropic } as unknown as AiProviders,
);
