/**
 * The rows of the matrix: each SDK (and AI SDK provider, with and without the integration)
 * on the surface it is made for. What a row needs to be asserted is said here; whether it is
 * depends on what the build has (src/matrix.ts).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Mode } from "./cases.js";
import type { Check } from "./checks.js";
import { PACKAGE_DIR } from "./paths.js";
import type { Surface } from "./service/surfaces.js";

/** Whether a row uses `@org/error-client/ai-sdk`; "n/a" for SDKs it is not for. */
export type Integration = "n/a" | "without" | "with";

/** One row: an SDK on a surface. */
export interface RowSpec {
  readonly id: string;
  /** The packages the row runs, as installed (name or alias), first the SDK itself. */
  readonly packages: readonly string[];
  readonly surface: Surface;
  readonly integration: Integration;
  /** The runtime: this process (Node 20+), or the Node 22 child (ai 7). */
  readonly runtime: "node20" | "node22";
  /** Retries the SDK makes by default for a retryable answer (@google/genai: none unless configured). */
  readonly defaultRetries: number;
  /** What a reader should know that the counts do not say. */
  readonly notes: readonly string[];
  /**
   * Deviations of an asserted row that are known and out of this repository's reach (the
   * SDK's own schema drops a member): recorded with the reason instead of failing. Each must
   * still happen: one that no longer does fails the test, so the table never claims a limit
   * that is gone.
   */
  readonly limits?: readonly Limit[];
}

/** A known deviation: every case of `mode` that deviates in `check` is excused by `reason`. */
export interface Limit {
  readonly mode: Mode;
  readonly check: Check;
  readonly reason: string;
}

const ai = (
  major: 6 | 7,
  provider: "openai-compatible" | "openai" | "anthropic",
  integration: Integration,
): RowSpec => {
  const alias = (name: string) => (major === 7 ? name.replace(/^(@ai-sdk\/)?/, "ai7-").replace("ai7-ai", "ai7") : name);
  const packages = ["ai", `@ai-sdk/${provider}`].map(alias);
  const notes =
    integration === "with"
      ? [
          "Through `@org/error-client/ai-sdk`: retries follow `x-should-retry` and the catalog; backoff, `RetryError` wrapping and stream errors as parts stay the SDK's.",
        ]
      : [
          "Retries decided by status alone (`x-should-retry` is not read); a stream's error is a part of `fullStream`, not a throw.",
        ];
  return {
    id: `ai${major}-${provider}${integration === "with" ? "+contract" : ""}`,
    packages,
    surface: provider === "anthropic" ? "anthropic" : "openai",
    integration,
    runtime: major === 7 ? "node22" : "node20",
    defaultRetries: 2,
    notes,
  };
};

/** Every row, in table order. */
export const ROWS: readonly RowSpec[] = Object.freeze([
  {
    id: "openai",
    packages: ["openai"],
    surface: "openai",
    integration: "n/a",
    runtime: "node20",
    defaultRetries: 2,
    notes: [],
  },
  {
    id: "anthropic",
    packages: ["@anthropic-ai/sdk"],
    surface: "anthropic",
    integration: "n/a",
    runtime: "node20",
    defaultRetries: 2,
    notes: [],
  },
  {
    id: "genai",
    packages: ["@google/genai"],
    surface: "gemini",
    integration: "n/a",
    runtime: "node20",
    defaultRetries: 0,
    notes: [
      "Retries nothing unless `httpOptions.retryOptions` is set; `ApiError` has only `status` and a message holding the body as JSON.",
    ],
  },
  ...([6, 7] as const).flatMap((major) =>
    (["openai-compatible", "openai", "anthropic"] as const).flatMap((provider) =>
      (["without", "with"] as const).map((integration) => ai(major, provider, integration)),
    ),
  ),
]);

const MODULES = join(PACKAGE_DIR, "node_modules");

/**
 * `name@version` as installed (an alias by the package it stands for: `ai@7.0.185`). Read
 * from the file: not every package exports its `package.json`.
 */
export function installed(name: string): string {
  const manifest = JSON.parse(readFileSync(join(MODULES, name, "package.json"), "utf8")) as {
    name: string;
    version: string;
  };
  return `${manifest.name}@${manifest.version}`;
}
