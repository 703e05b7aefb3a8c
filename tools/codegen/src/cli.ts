#!/usr/bin/env -S npx tsx
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { findRepoRoot } from "@org/contract-model";
import { REGENERATE_COMMAND } from "./banner.js";
import { generateAll } from "./generate.js";
import { SchemaError } from "./schema-error.js";
import { checkFiles, writeFiles } from "./write.js";

const USAGE = `usage: codegen <generate|check> [--root DIR]

  generate   write every generated file from schemas/ (types, catalog, validators, docs, OpenAPI)
  check      regenerate in memory and fail, naming the files, when the committed output
             differs from it
  --root     the repository root (default: the one this tool lives in)`;

/** Runs the CLI; returns the exit code. Exported for tests. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  let root = findRepoRoot(import.meta.url);
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === "--root" && rest[i + 1]) root = resolve(rest[++i] as string);
    else return usage(`unknown argument: ${rest[i]}`);
  }
  if (command !== "generate" && command !== "check")
    return usage(command ? `unknown command: ${command}` : "no command");
  try {
    const files = await generateAll(root);
    if (command === "generate") {
      const changed = writeFiles(root, files);
      console.log(
        changed.length
          ? `codegen: wrote ${changed.length} file(s):\n  ${changed.join("\n  ")}`
          : `codegen: ${files.size} files up to date`,
      );
      return 0;
    }
    const drift = checkFiles(root, files);
    if (drift.length === 0) {
      console.log(`codegen: ${files.size} generated files match schemas/`);
      return 0;
    }
    console.error(`codegen: generated files are out of date with schemas/ (run \`${REGENERATE_COMMAND}\`):`);
    for (const d of drift) console.error(`  ${d.problem.padEnd(7)} ${d.path}`);
    return 1;
  } catch (e) {
    if (e instanceof SchemaError) {
      console.error(`codegen: invalid schema: ${e.message}\nNothing was written.`);
      return 1;
    }
    throw e;
  }
}

function usage(problem: string): number {
  console.error(`codegen: ${problem}\n${USAGE}`);
  return 2;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // A programming error (not a SchemaError) prints its stack and fails the run.
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
