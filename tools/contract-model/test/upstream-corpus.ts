import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Json, JsonObject } from "../src/index.js";
import { membersOf, type Seen, streamError } from "./upstream-match.js";

/** Where the corpus lives, relative to the repository root. */
export const CORPUS_DIR = "packages/error-upstream/test/corpus";

/** One corpus case as its file holds it (the shape corpus.schema.json checks). */
export interface CorpusCase {
  source: string;
  provider: string;
  request?: { stream?: boolean };
  response?: { status: number; headers: Record<string, string>; body: Json; stream?: string[] };
  failure?: { kind: string; error: JsonObject };
  expect: {
    code: string | null;
    status: number;
    disposition: string;
    upstream: { provider: string; status?: number; code?: string; type?: string; request_id?: string };
    retryable: boolean;
    rule: string;
  };
}

/** Every case file under the corpus, with its folder and path. */
export function readCorpus(root: string): Array<{ folder: string; file: string; doc: CorpusCase }> {
  const dir = join(root, CORPUS_DIR);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) =>
      readdirSync(join(dir, e.name))
        .filter((f) => f.endsWith(".json"))
        .sort()
        .map((f) => ({
          folder: e.name,
          file: `${CORPUS_DIR}/${e.name}/${f}`,
          doc: JSON.parse(readFileSync(join(dir, e.name, f), "utf8")) as CorpusCase,
        })),
    );
}

/** The corpus schema, parsed. */
export const readCorpusSchema = (root: string): JsonObject =>
  JSON.parse(readFileSync(join(root, CORPUS_DIR, "corpus.schema.json"), "utf8")) as JsonObject;

/** What the rules see of a case: a transport failure, an error in a stream, in a 2xx body, or an error status's body. */
export function seenOf(c: CorpusCase): Seen {
  if (c.failure) return { failure: c.failure.kind, headers: {} };
  const r = c.response as NonNullable<CorpusCase["response"]>;
  const headers = Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const base = { status: r.status, headers };
  if (r.stream) return { ...base, in: "stream", ...membersOf(streamError(r.stream), "") };
  const text = typeof r.body === "string" ? r.body : JSON.stringify(r.body);
  let value: Json | undefined = r.body;
  if (typeof r.body === "string") {
    try {
      value = JSON.parse(r.body) as Json;
    } catch {
      value = undefined;
    }
  }
  return { ...base, in: r.status >= 200 && r.status < 300 ? "success" : "body", ...membersOf(value, text) };
}
