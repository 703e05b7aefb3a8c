#!/usr/bin/env -S npx tsx
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runCheck } from "./check.js";
import { compareWithBase } from "./compare.js";
import { isContractToolError } from "./contract-tool-error.js";
import { terminal } from "./format/escape.js";
import { buildReport, FORMATS, type Format, isFormat, render } from "./format/index.js";
import { RULES_DOC, ruleCatalogue } from "./catalogue-doc.js";
import { findRoot } from "./repo-root.js";

const USAGE = `usage: contract-tools <diff|check|rules> [--base <ref>] [--format <format>] [--root <dir>]

  diff     classify every change of schemas/ since the base by rule id and severity
           (breaking -> major, warning -> minor, info -> patch); exits 0 whatever changed
  check    the same, then exit 1, saying which rule forced the bump, when the pending
           changesets for the contract packages ask for less (or there are none)
  rules    print the rule catalogue (docs/contract-rules.md); --write writes it there
  --base   a git ref, or <package>@<version> (npm:<package>@<version> to skip git) to compare
           with the schemas of that published @org/error-types, fetched with npm pack from the
           configured registry. Default: the last release tag @org/error-types@X.Y.Z reachable
           from HEAD, else the commit that last set its version
  --format text (default) | json | github | markdown | junit   (--json = --format json)
  --root   the repository root (default: the folder above the cwd with pnpm-workspace.yaml)`;

/** Parsed command line. */
interface Args {
  command: "diff" | "check" | "rules";
  base?: string;
  format: Format;
  root?: string;
  write: boolean;
}

function parseArgs(argv: string[]): Args | string {
  const [command, ...rest] = argv;
  if (command !== "diff" && command !== "check" && command !== "rules")
    return command ? `unknown command: ${command}` : "no command";
  const args: Args = { command, format: "text", write: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    if (flag === "--json" && inline === undefined) args.format = "json";
    else if (flag === "--write" && inline === undefined && command === "rules") args.write = true;
    else if (flag === "--base" || flag === "--root" || flag === "--format") {
      const value = inline ?? rest[++i];
      if (!value) return `${flag} needs a value`;
      if (flag === "--base") args.base = value;
      else if (flag === "--root") args.root = resolve(value);
      else if (isFormat(value)) args.format = value;
      else return `unknown format: ${value} (one of ${FORMATS.join(", ")})`;
    } else if (arg === "--")
      continue; // pnpm may pass a separator through
    else return `unknown argument: ${arg}`;
  }
  return args;
}

/** Runs the CLI; returns the exit code (0 ok, 1 check failed or rules out of date, 2 usage or tool error). Exported for tests. */
export async function main(argv: string[], cwd: string = process.cwd()): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === "string") {
    console.error(`contract-tools: ${terminal(args)}\n${USAGE}`);
    return 2;
  }
  try {
    const root = args.root ?? findRoot(cwd);
    if (args.command === "rules") {
      const text = ruleCatalogue();
      if (!args.write) console.log(text);
      else writeFileSync(join(root, RULES_DOC), text);
      return 0;
    }
    if (args.command === "diff") {
      console.log(render(buildReport(compareWithBase(root, args.base), "diff"), args.format));
      return 0;
    }
    const result = runCheck(root, args.base);
    const report = render(buildReport(result, "check"), args.format);
    // Machine formats go to stdout whatever the verdict, so CI can capture them; text failures go to stderr.
    if (result.ok || args.format !== "text") console.log(report);
    else console.error(report);
    return result.ok ? 0 : 1;
  } catch (e) {
    // Known problems get their message; anything else is a bug, still reported without a stack.
    const message = isContractToolError(e)
      ? e.message
      : `unexpected error: ${e instanceof Error ? e.message : String(e)}`;
    // Messages quote file contents and git output: one escaped line, like every report.
    console.error(`contract-tools ${args.command}: ${terminal(message)}`);
    return 2;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
