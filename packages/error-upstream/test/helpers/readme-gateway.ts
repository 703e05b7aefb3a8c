import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { UpstreamOutcome } from "../../src/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = join(here, "..", "..");
const require = createRequire(join(packageDir, "package.json"));

/** What the README's gateway block exports. */
export interface ReadmeGateway {
  createGateway(options: {
    providerUrl: string;
    provider: string;
    dialect?: "openai" | "anthropic" | "gemini";
    timeoutMs?: number;
    onOutcome?: (outcome: UpstreamOutcome) => void;
  }): Server;
}

/** The README's ```ts blocks. */
export function readmeBlocks(): string[] {
  const readme = readFileSync(join(packageDir, "README.md"), "utf8");
  return [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
}

// The packages a block imports, as the built files a user's `import` would load.
const BUILT: Record<string, string> = {
  "@org/error-upstream": join(packageDir, "dist", "index.js"),
  "@org/error-server/node": require.resolve("@org/error-server/node").replace(/\.cjs$/, ".js"),
};

/** Runs the README's gateway block as a module, its imports pointed at the built packages. */
export async function loadReadmeGateway(): Promise<ReadmeGateway> {
  const block = readmeBlocks().find((code) => code.includes("export function createGateway"));
  if (block === undefined) throw new Error("the README has no gateway block");
  let code = block;
  for (const [name, file] of Object.entries(BUILT))
    code = code.replaceAll(`from "${name}"`, `from ${JSON.stringify(pathToFileURL(file).href)}`);
  const dir = mkdtempSync(join(tmpdir(), "error-upstream-readme-"));
  try {
    const file = join(dir, "gateway.ts");
    writeFileSync(file, code);
    return (await import(pathToFileURL(file).href)) as ReadmeGateway;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
