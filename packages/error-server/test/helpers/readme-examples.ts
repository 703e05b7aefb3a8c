/**
 * What the README tests share: finding the code blocks and what their comments promise,
 * running a block as a module, and checking one promised answer. Why one place: the plain
 * examples (```ts, test/readme.test.ts) and the integration examples (```typescript, run under
 * SWC by test/nestjs-readme-integrations.test.ts) must be read and judged by the same rules.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { expect, it } from "vitest";
import { readEnvelope } from "./expect.js";

/** A request a block's comment says it answers: `// GET /path [body] -> 404 model_not_found`. */
export interface PromisedAnswer {
  method: string;
  path: string;
  /** The request body as written (JSON, or `type/subtype:text`). */
  body: string | undefined;
  /** The status, or `rethrown` (a Next.js control-flow error the handler throws on). */
  status: string;
  /** The envelope's code (`null` written as null); for `rethrown`, the error's digest. */
  code: string | null;
}

/** One fenced block of a README and what its comments say it prints (`// => text`) and answers. */
export interface ReadmeExample {
  i: number;
  code: string;
  prints: string[];
  requests: PromisedAnswer[];
}

/** The README's blocks fenced as `lang`, with their promises. */
export function readmeExamples(readme: string, lang: "ts" | "typescript"): ReadmeExample[] {
  const blocks = [...readme.matchAll(new RegExp("```" + lang + "\\n([\\s\\S]*?)```", "g"))].map((m) => m[1] ?? "");
  return blocks.map((code, i) => ({
    i,
    code,
    prints: [...code.matchAll(/\/\/ => (.*)$/gm)].map((m) => m[1] ?? ""),
    requests: [...code.matchAll(/^\/\/ (GET|POST|PUT|DELETE) (\S+)(?: (.+?))? -> (\d{3}|rethrown) (\S+)$/gm)].map(
      (m) => ({
        method: m[1] ?? "GET",
        path: m[2] ?? "/",
        body: m[3],
        status: m[4] ?? "",
        code: m[5] === "null" ? null : (m[5] ?? ""),
      }),
    ),
  }));
}

/** Where an example runs: the modules its imports may name, a directory, and a global to hand them over by. */
export interface ExampleRunner {
  modules: Record<string, Record<string, unknown>>;
  dir: string;
  /** The `globalThis` member the rewritten imports and `console.log` read. */
  global: string;
  /** Start of each example's file name (`<prefix>-<i>.ts`): the SWC transform picks its files by name. */
  prefix: string;
}

/** Rewrites `import` lines into reads from the runner's modules; port 3000 into 127.0.0.1:0; console.log into the log. */
function prepare(code: string, { modules, global }: ExampleRunner): string {
  const registry = `(globalThis as any)[${JSON.stringify(global)}]`;
  return code
    .replace(
      /^import (\w+)?,? ?(?:\{([^}]*)\})? from "([^"]+)";$/gm,
      (_all, def: string | undefined, named: string | undefined, from: string) => {
        if (!(from in modules)) throw new Error(`README imports ${from}, which the README test does not provide`);
        const mod = `${registry}.modules[${JSON.stringify(from)}]`;
        const lines: string[] = [];
        if (def) lines.push(`const ${def} = ${mod}.default;`);
        if (named) lines.push(`const { ${named.replace(/\bas\b/g, ":")} } = ${mod};`);
        return lines.join(" ");
      },
    )
    .replaceAll("listen(3000)", 'listen(0, "127.0.0.1")')
    .replaceAll("listen({ port: 3000 })", 'listen({ port: 0, host: "127.0.0.1" })')
    .replaceAll("console.log(", `${registry}.log(`);
}

/** Runs block `i` as a module in the runner's directory: its exports and what it logged. */
export async function runExample(
  runner: ExampleRunner,
  i: number,
  code: string,
): Promise<{ exports: Record<string, unknown>; logs: string[] }> {
  const logs: string[] = [];
  (globalThis as Record<string, unknown>)[runner.global] = {
    modules: runner.modules,
    log: (...args: unknown[]) => logs.push(args.map(String).join(" ")),
  };
  const file = join(runner.dir, `${runner.prefix}-${i}.ts`);
  writeFileSync(file, `${prepare(code, runner)}\nexport {};\n`);
  return { exports: (await import(pathToFileURL(file).href)) as Record<string, unknown>, logs };
}

/** Sends one promised request to a running example. */
export type SendRequest = (request: PromisedAnswer) => Promise<Response>;

/**
 * Declares the two tests every README runner has: each block prints what its `// =>`
 * comments say, and answers each promised request as promised (a `rethrown` promise: the
 * request rejects with that digest). `connect` turns a block's exports into a sender.
 */
export function testPromises(
  examples: ReadmeExample[],
  run: (i: number, code: string) => Promise<{ exports: Record<string, unknown>; logs: string[] }>,
  connect: (exports: Record<string, unknown>) => SendRequest | Promise<SendRequest>,
): void {
  it.each(examples.filter((e) => e.prints.length > 0))(
    "example $i prints what it says",
    async ({ i, code, prints }) => {
      const { logs } = await run(i, code);
      expect(logs).toEqual(prints);
    },
  );

  it.each(examples.filter((e) => e.requests.length > 0))(
    "example $i answers what it says",
    async ({ i, code, requests }) => {
      const send = await connect((await run(i, code)).exports);
      for (const request of requests) {
        if (request.status === "rethrown") await expect(send(request)).rejects.toMatchObject({ digest: request.code });
        else await expectPromisedAnswer(request, await send(request));
      }
    },
  );
}

/** Asserts `response` is the promised answer: its status, and a strict envelope with the promised code. */
export async function expectPromisedAnswer(
  { method, path, body, status, code }: PromisedAnswer,
  response: Response,
): Promise<void> {
  expect(`${method} ${path} ${body ?? ""} -> ${response.status}`).toBe(`${method} ${path} ${body ?? ""} -> ${status}`);
  expect((await readEnvelope(response)).error.code).toBe(code);
}
