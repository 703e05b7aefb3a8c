import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateAll } from "../src/generate.js";
import { REPO_ROOT } from "./temp-repo.js";

/** `dir/**` covers everything under dir; anything else is an exact path. */
const covers = (pattern: string, path: string): boolean =>
  pattern.endsWith("/**") ? path.startsWith(pattern.slice(0, -2)) : pattern === path;

describe("every generated file is declared as generated", async () => {
  const files = [...(await generateAll(REPO_ROOT)).keys()];

  it.each(files)(".gitattributes marks %s linguist-generated", (path) => {
    const patterns = readFileSync(join(REPO_ROOT, ".gitattributes"), "utf8")
      .split("\n")
      .filter((l) => /\blinguist-generated(=true)?\b/.test(l))
      .map((l) => l.split(/\s+/)[0] as string);
    expect(patterns.some((p) => covers(p, path))).toBe(true);
  });

  it.each(files)("turbo's generate task declares %s as an output", (path) => {
    const turbo = JSON.parse(readFileSync(join(REPO_ROOT, "turbo.json"), "utf8")) as {
      tasks: { generate: { outputs: string[] } };
    };
    const outputs = turbo.tasks.generate.outputs.map((o) => o.replace("$TURBO_ROOT$/", ""));
    expect(outputs.some((p) => covers(p, path))).toBe(true);
  });
});
