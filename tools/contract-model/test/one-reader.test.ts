import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { findRepoRoot, METADATA_KEYWORDS } from "../src/index.js";

const ROOT = findRepoRoot(import.meta.url);

/** Code files: where reading happens. JSON, Markdown and HTML are data or prose, not readers. */
const CODE = /\.(?:[cm]?[jt]s|tsx|jsx)$/;

/**
 * Where a metadata keyword may appear in code, and why:
 * - tools/contract-model: the one reader of the vocabulary (this package).
 * - `src/generated/` of a package: codegen's output, which quotes the schemas' descriptions.
 * - `test/` folders: tests write schema documents (fixtures, mutated copies of schemas/) as
 *   input; they state the vocabulary, like schemas/ does, and interpret nothing for an output.
 */
const EXEMPT = [/^tools\/contract-model\//, /(^|\/)src\/generated\//, /(^|\/)test\//];

/** A keyword as a word of its own: `x-error` but not the `x-error-code` header. */
const KEYWORD = new RegExp(`(?<![\\w-])(?:${METADATA_KEYWORDS.join("|")})(?![\\w-])`);

/** The code of a line without its comment (a `//` after white space, or a comment line). */
function codeOf(line: string): string {
  const trimmed = line.trimStart();
  if (/^(\/\/|\/\*|\*)/.test(trimmed)) return "";
  return line.replace(/(^|\s)\/\/.*$/, "");
}

/** Every line of tracked code outside the exemptions that names a metadata keyword. */
function keywordReaders(root: string): string[] {
  const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard"], { cwd: root, encoding: "utf8" })
    .split("\n")
    .filter((f) => CODE.test(f) && !EXEMPT.some((e) => e.test(f)));
  return files.flatMap((file) => {
    let text: string;
    try {
      text = readFileSync(join(root, file), "utf8");
    } catch {
      return []; // deleted in the working tree
    }
    return text
      .split("\n")
      .flatMap((line, i) => (KEYWORD.test(codeOf(line)) ? [`${file}:${i + 1}: ${line.trim()}`] : []));
  });
}

describe("one reader of the contract's vocabulary", () => {
  it("no code outside @org/contract-model reads the metadata keywords (x-error, x-http-statuses, x-contract, x-dialects)", () => {
    expect(METADATA_KEYWORDS).toEqual(["x-error", "x-http-statuses", "x-contract", "x-dialects"]);
    expect(keywordReaders(ROOT)).toEqual([]);
  });
});

describe("the check itself", () => {
  it("flags a reader in code, and leaves header names, comments, generated output and tests alone", () => {
    const root = mkdtempSync(join(tmpdir(), "one-reader-"));
    try {
      const files: Record<string, string> = {
        "packages/x/src/read.ts": 'const meta = entry["x-error"];\nconst rows = s[`x-http-statuses`];',
        "tools/y/src/rules.mjs": "export const KEY = 'x-contract';",
        "packages/x/src/headers.ts": 'headers["x-error-code"] = code; // from x-error',
        "packages/x/src/doc.ts": "/**\n * Reads `x-contract`.\n */",
        "packages/x/src/generated/types.ts": "// its x-error metadata",
        "packages/x/test/edit.test.ts": 's.envelope["x-contract"].maxMessageLength = 1;',
        "tools/contract-model/src/vocabulary.ts": 'const CODE_META = "/anyOf/*/x-error";',
        "docs/notes.md": "`x-error`",
      };
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(dirname(join(root, file)), { recursive: true });
        writeFileSync(join(root, file), text);
      }
      execFileSync("git", ["init", "-q"], { cwd: root });
      expect(keywordReaders(root)).toEqual([
        'packages/x/src/read.ts:1: const meta = entry["x-error"];',
        "packages/x/src/read.ts:2: const rows = s[`x-http-statuses`];",
        "tools/y/src/rules.mjs:1: export const KEY = 'x-contract';",
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
