import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

// Issue 22, defect 9: dist/index.d.ts named `RequestInfo` and `HeadersInit`, which only lib
// "dom" declares: a Node-only tsconfig failed, and with skipLibCheck they silently became
// `any` (so `fetchWithContract(42)` compiled). The built declarations are compiled here under
// both configurations, with no skipLibCheck; the @ts-expect-error line fails if 42 is accepted.
const pkg = fileURLToPath(new URL("..", import.meta.url));
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const dir = mkdtempSync(join(pkg, ".declarations-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const USAGE = `import { type ApiError, fetchWithContract, type FetchWithContractOptions, isApiError, parseErrorBody,
  parseErrorResponse, readSseEvents } from "../dist/index.js";
export async function use(response: Response): Promise<ApiError> {
  const options: FetchWithContractOptions = { retry: { timeBudgetMs: 1000 }, onRetry: () => undefined };
  await fetchWithContract("https://api.example/v1", { method: "POST" }, options);
  await fetchWithContract(new URL("https://api.example/v1"));
  // @ts-expect-error a number is not a URL, a string or a Request
  await fetchWithContract(42);
  for await (const event of readSseEvents(response, { maxEventLength: Infinity })) void event.data;
  const e = parseErrorBody({ status: 500, headers: { "x-request-id": "r" }, body: "{}" });
  return isApiError(e) ? e : parseErrorResponse(response);
}
`;

function compile(name: string, lib: string[], types: string[]): string {
  writeFileSync(join(dir, "usage.ts"), USAGE);
  const config = join(dir, `tsconfig.${name}.json`);
  const compilerOptions = { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", lib, types };
  writeFileSync(
    config,
    JSON.stringify({
      compilerOptions: { ...compilerOptions, strict: true, noEmit: true, skipLibCheck: false },
      files: ["usage.ts"],
    }),
  );
  try {
    execFileSync(process.execPath, [tsc, "-p", config], { encoding: "utf8", stdio: "pipe" });
    return "";
  } catch (e) {
    return String((e as { stdout?: unknown }).stdout);
  }
}

describe("the built declarations need neither lib dom nor skipLibCheck", () => {
  it("type-check with @types/node and no lib dom; fetchWithContract(42) is an error", () => {
    expect(compile("node", ["ES2022"], ["node"])).toBe("");
  }, 60_000);

  it("type-check with lib dom and no @types/node; fetchWithContract(42) is an error", () => {
    expect(compile("dom", ["ES2022", "DOM", "DOM.Iterable", "DOM.AsyncIterable"], [])).toBe("");
  }, 60_000);
});
