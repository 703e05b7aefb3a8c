import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/** One corpus case (test/corpus/<provider>/<case>.json; the format is SHARED-1.2.md's). */
export interface CorpusCase {
  /** Its path under the corpus directory, for test names. */
  name: string;
  source: string;
  provider: string;
  request?: { dialect?: "openai" | "anthropic"; stream?: boolean; [key: string]: unknown };
  response?: { status: number; headers?: Record<string, string>; body?: unknown; stream?: string[] };
  failure?: {
    kind?: string;
    phase?: string;
    status?: number;
    headers?: Record<string, string>;
    [key: string]: unknown;
  };
  expect: {
    code: string | null;
    status: number;
    disposition: string;
    upstream?: Record<string, unknown>;
    retryable: boolean;
    rule?: string;
  };
}

/** Every `*.json` under `dir`, read as cases (a directory that does not exist has none). */
export function readCases(dir: string): CorpusCase[] {
  const files: string[] = [];
  const walk = (at: string): void => {
    let names: string[];
    try {
      names = readdirSync(at).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".json") && !name.endsWith(".schema.json")) files.push(path);
    }
  };
  walk(dir);
  return files.map((file) => ({
    ...(JSON.parse(readFileSync(file, "utf8")) as Omit<CorpusCase, "name">),
    name: relative(dir, file),
  }));
}

/** The transport failure a case stands for, when it is one. */
export function failureKind(c: CorpusCase): string | undefined {
  const f = c.failure;
  if (f === undefined) return undefined;
  const kind = f.kind ?? f["failure"] ?? f["type"];
  return typeof kind === "string" ? kind : undefined;
}
