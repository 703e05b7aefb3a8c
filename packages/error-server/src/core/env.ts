/** `process.env.NODE_ENV`, read through `globalThis` and guarded: Workers and browsers have no `process`, Deno may refuse access. */
function nodeEnv(): string | undefined {
  try {
    return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.["NODE_ENV"];
  } catch {
    return undefined;
  }
}

/** True when `NODE_ENV` is `"test"`. */
export function isTestEnvironment(): boolean {
  return nodeEnv() === "test";
}

/** True when `NODE_ENV` is `"production"`. */
export function isProductionEnvironment(): boolean {
  return nodeEnv() === "production";
}
