/**
 * True when `process.env.NODE_ENV` is `"test"`. Read through `globalThis` and guarded,
 * because Workers and browsers have no `process` and Deno may refuse access to the env.
 */
export function isTestEnvironment(): boolean {
  try {
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
    return env?.["NODE_ENV"] === "test";
  } catch {
    return false;
  }
}
