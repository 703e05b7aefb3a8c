#!/usr/bin/env -S npx tsx
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runCheck } from "./check.js";
import { compareWithBase } from "./compare.js";
import { isContractToolError } from "./contract-tool-error.js";
import { checkJson, diffJson, formatCheck, formatDiff } from "./format.js";
import { findRoot } from "./repo-root.js";

const USAGE = `usage: contract-tools <diff|check> [--base <git-ref>] [--json] [--root <dir>]

  diff     classify every change of schemas/ since the base (major, minor, patch) and print
           the bump the change needs; exits 0 whatever changed
  check    exit 1, saying why, when schemas/ changed and the pending changesets for the
           contract packages ask for less than that bump (or there are none)
  --base   the git ref to compare with (default: the last release tag @org/error-types@X.Y.Z
           reachable from HEAD, else the merge base with the release branch, else HEAD)
  --json   print a JSON report instead of text
  --root   the repository root (default: the folder above the cwd with pnpm-workspace.yaml)`;

/** Parsed command line. */
interface Args {
  command: "diff" | "check";
  base?: string;
  json: boolean;
  root?: string;
}

function parseArgs(argv: string[]): Args | string {
  const [command, ...rest] = argv;
  if (command !== "diff" && command !== "check") return command ? `unknown command: ${command}` : "no command";
  const args: Args = { command, json: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if (flag === "--json" && inline === undefined) args.json = true;
    else if (flag === "--base" || flag === "--root") {
      const value = inline ?? rest[++i];
      if (!value) return `${flag} needs a value`;
      if (flag === "--base") args.base = value;
      else args.root = resolve(value);
    } else if (arg === "--") continue; // pnpm may pass a separator through
    else return `unknown argument: ${arg}`;
  }
  return args;
}

/** Runs the CLI; returns the exit code (0 ok, 1 check failed, 2 usage or tool error). Exported for tests. */
export async function main(argv: string[], cwd: string = process.cwd()): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === "string") {
    console.error(`contract-tools: ${args}\n${USAGE}`);
    return 2;
  }
  try {
    const root = args.root ?? findRoot(cwd);
    if (args.command === "diff") {
      const comparison = compareWithBase(root, args.base);
      console.log(args.json ? JSON.stringify(diffJson(comparison), null, 2) : formatDiff(comparison));
      return 0;
    }
    const result = runCheck(root, args.base);
    const report = args.json ? JSON.stringify(checkJson(result), null, 2) : formatCheck(result);
    if (result.ok) console.log(report);
    else console.error(report);
    return result.ok ? 0 : 1;
  } catch (e) {
    // Known problems get their message; anything else is a bug, still reported without a stack.
    const message = isContractToolError(e) ? e.message : `unexpected error: ${e instanceof Error ? e.message : String(e)}`;
    console.error(`contract-tools ${args.command}: ${message}`);
    return 2;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
