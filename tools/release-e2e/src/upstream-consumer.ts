import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { TS_COMMON } from "./consumer.js";

/**
 * A 1.2 consumer that installs `@org/error-upstream` alone (issue 25 item 6): a gateway team
 * mapping a provider's failure, with no framework. It maps an OpenAI 429 (the provider's
 * documented body and request-id header) in ESM and CJS and type-checks a typed use.
 */

/** The provider answer both scripts map. */
const PROVIDER_429 = `new Response(
  JSON.stringify({ error: { message: "Rate limit reached for requests", type: "requests", param: null, code: "rate_limit_exceeded" } }),
  { status: 429, headers: { "content-type": "application/json", "x-request-id": "req_up_e2e" } },
)`;

const map = (load: string, wrap: (body: string) => string) => `${load}
${wrap(`const outcome = await fromUpstreamResponse(${PROVIDER_429}, { provider: "openai" });
  const e = outcome.error;
  console.log(JSON.stringify({
    name: e.name, code: e.code, status: e.status, upstream: e.upstream, disposition: outcome.disposition,
    knownDisposition: UPSTREAM_DISPOSITIONS.includes(outcome.disposition), rule: outcome.rule,
  }));`)}
`;

/** The ESM script: prints what the 1.2 package made of the provider's 429. */
export const UPSTREAM_ESM = map(
  `import { fromUpstreamResponse, UPSTREAM_DISPOSITIONS } from "@org/error-upstream";`,
  (body) => body.replace(/^ {2}/gm, ""),
);

/** The CJS script: the same, through `require`. */
export const UPSTREAM_CJS = map(
  `"use strict";\nconst { fromUpstreamResponse, UPSTREAM_DISPOSITIONS } = require("@org/error-upstream");`,
  (body) => `(async () => {\n  ${body}\n})();`,
);

/** Typed use: the outcome's members as the declarations give them. */
export const UPSTREAM_TYPED = `import { fromUpstreamResponse, type UpstreamDisposition, type UpstreamOutcome } from "@org/error-upstream";
export async function channelAction(response: Response): Promise<string> {
  const outcome: UpstreamOutcome = await fromUpstreamResponse(response, { provider: "openai" });
  const disposition: UpstreamDisposition = outcome.disposition;
  const status: number = outcome.error.status;
  return \`\${disposition} \${outcome.rule ?? "no rule"} \${status}\`;
}
`;

/** tsconfig files of the upstream-only consumer, by name. */
export const UPSTREAM_TSCONFIGS = {
  node16: {
    compilerOptions: { ...TS_COMMON, module: "node16", moduleResolution: "node16" },
    files: ["src/upstream.mts"],
  },
  bundler: {
    compilerOptions: { ...TS_COMMON, module: "esnext", moduleResolution: "bundler" },
    files: ["src/upstream.ts"],
  },
} as const;

/** Writes the upstream-only consumer's scripts, typed files and tsconfigs. */
export function writeUpstreamSources(dir: string): void {
  mkdirSync(join(dir, "src"), { recursive: true });
  const write = (rel: string, text: string) => writeFileSync(join(dir, rel), text);
  write("src/upstream.mjs", UPSTREAM_ESM);
  write("src/upstream.cjs", UPSTREAM_CJS);
  write("src/upstream.mts", UPSTREAM_TYPED);
  write("src/upstream.ts", UPSTREAM_TYPED);
  for (const [name, config] of Object.entries(UPSTREAM_TSCONFIGS))
    write(`tsconfig.${name}.json`, `${JSON.stringify(config, null, 2)}\n`);
}
