import type { Mode } from "../cases.js";
import { type Observation, observe, type Probes } from "../observe.js";

/** Makes one call of an SDK against `baseUrl` (the service's per-call prefix) and observes it. */
export type Runner = (baseUrl: string, mode: Mode) => Promise<Observation>;

/** The runners of a set of rows, by row id. */
export type Runners = Readonly<Record<string, Runner>>;

/** The model name every call asks for (the service answers errors whatever it is). */
export const MODEL = "e2e-model";

/** The one user message every call sends. */
export const PROMPT = "Say hello.";

/** The answer length every call asks for (the Anthropic API requires one). */
export const MAX_TOKENS = 16;

/**
 * Runs `call` (which appends what it reads to `text`) and observes what it throws, or that
 * it threw nothing.
 */
export async function observeCall(
  probes: Probes,
  call: (read: (text: string) => void) => Promise<unknown>,
): Promise<Observation> {
  let text = "";
  try {
    await call((more) => {
      text += more;
    });
    return observe(undefined, probes, text);
  } catch (error) {
    return observe(error, probes, text);
  }
}
