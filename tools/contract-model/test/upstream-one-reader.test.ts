import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { findRepoRoot, UPSTREAM_DIR, UPSTREAM_SCHEMA_FILE } from "../src/index.js";

const ROOT = findRepoRoot(import.meta.url);

/** Where the mapping's files may be named in code: the reader itself, generated output, and tests (they build inputs). */
const EXEMPT = [/^tools\/contract-model\/src\/upstream\//, /(^|\/)src\/generated\//, /(^|\/)test\//];

/** Tracked and untracked code files (not ignored) that name the mapping folder or its schema file. */
function mappingReaders(root: string): string[] {
  let out = "";
  try {
    out = execFileSync(
      "git",
      [
        "grep",
        "-n",
        "--untracked",
        "-F",
        "-e",
        UPSTREAM_DIR,
        "-e",
        UPSTREAM_SCHEMA_FILE,
        "--",
        "*.ts",
        "*.mts",
        "*.cts",
        "*.js",
        "*.mjs",
        "*.cjs",
      ],
      { cwd: root, encoding: "utf8" },
    );
  } catch (e) {
    // git grep exits 1 when nothing matches.
    if ((e as { status?: number }).status !== 1) throw e;
  }
  return out.split("\n").filter((line) => {
    const [file = "", , ...rest] = line.split(":");
    // A comment that names the folder reads nothing.
    const code = rest.join(":").trimStart();
    return line !== "" && !EXEMPT.some((x) => x.test(file)) && !/^(\/\/|\/\*|\*)/.test(code);
  });
}

describe("one reader of the upstream mapping", () => {
  it("no code outside @org/contract-model's reader opens schemas/upstream/ or its schema (codegen and the docs go through readUpstreamMappings)", () => {
    expect(mappingReaders(ROOT)).toEqual([]);
  });
});
