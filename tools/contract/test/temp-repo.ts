import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { vi } from "vitest";
import { main } from "../src/cli.js";
import { CONTRACT_PACKAGE_JSON, DEFAULT_GROUP } from "../src/release-config.js";
import { FIXTURE_DIR } from "./fixtures.js";

/** A throwaway git repository shaped like the workspace: schemas/, .changeset/, the types package. */
export interface TempRepo {
  root: string;
  git: (...args: string[]) => string;
  /** Writes a file (relative path), creating folders. */
  write: (rel: string, text: string) => void;
  /** Edits a schema file as JSON. */
  editSchema: (file: string, edit: (schema: any) => void) => void; // `any`: an edit reaches deep into untyped JSON
  commit: (message: string) => void;
  remove: () => void;
}

const gitIn =
  (root: string) =>
  (...args: string[]) =>
    // A local identity and no signing: the tests must not depend on the machine's git config.
    execFileSync(
      "git",
      [
        "-c",
        "user.name=contract-test",
        "-c",
        "user.email=contract-test@example.invalid",
        "-c",
        "commit.gpgsign=false",
        "-c",
        "tag.gpgsign=false",
        ...args,
      ],
      {
        cwd: root,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      },
    );

function writeIn(root: string, rel: string, text: string): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), text);
}

/** One committed base repository per branch name, copied for each test (git is slow to set up). */
const templates = new Map<string, string>();

function template(branch: string): string {
  const cached = templates.get(branch);
  if (cached) return cached;
  const root = mkdtempSync(join(tmpdir(), "contract-tools-template-"));
  writeIn(root, "pnpm-workspace.yaml", "packages:\n  - packages/*\n");
  writeIn(root, "package.json", JSON.stringify({ name: "error-contract", private: true }, null, 2));
  writeIn(root, ".changeset/config.json", JSON.stringify({ fixed: [[...DEFAULT_GROUP]], baseBranch: "main" }, null, 2));
  writeIn(root, ".changeset/README.md", "# Changesets\n");
  writeIn(root, CONTRACT_PACKAGE_JSON, JSON.stringify({ name: "@org/error-types", version: "1.0.0" }, null, 2));
  cpSync(FIXTURE_DIR, join(root, "schemas"), { recursive: true });
  const git = gitIn(root);
  git("init", "-q", "-b", branch);
  git("add", "-A");
  git("commit", "-q", "-m", "base");
  templates.set(branch, root);
  return root;
}

/** Removes the template repositories; call from afterAll. */
export function removeTemplates(): void {
  for (const root of templates.values()) rmSync(root, { recursive: true, force: true });
  templates.clear();
}

/** A repository whose first commit holds the base fixture, on branch `branch`. */
export function tempRepo(branch = "main"): TempRepo {
  const root = mkdtempSync(join(tmpdir(), "contract-tools-test-"));
  cpSync(template(branch), root, { recursive: true });
  const git = gitIn(root);
  return {
    root,
    git,
    write: (rel, text) => writeIn(root, rel, text),
    editSchema: (file, edit) => {
      const path = join(root, "schemas", file);
      const schema = JSON.parse(readFileSync(path, "utf8"));
      edit(schema);
      writeFileSync(path, JSON.stringify(schema, null, 2) + "\n");
    },
    commit: (message) => {
      git("add", "-A");
      git("commit", "-q", "--allow-empty", "-m", message);
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Runs the CLI in-process from `cwd` and captures what it printed. */
export async function runCli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
  const error = vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void err.push(a.join(" ")));
  try {
    const code = await main(args, cwd);
    return { code, stdout: out.join("\n"), stderr: err.join("\n") };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

/** A code entry to push into the code schema's anyOf. */
export const newCode = (code: string) => ({
  const: code,
  "x-error": {
    status: 400,
    type: "invalid_request_error",
    meaning: `Meaning of ${code}`,
    action: "Adjust the request",
    retryable: false,
  },
});
