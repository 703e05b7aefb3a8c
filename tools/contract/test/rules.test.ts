import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ChangeLog } from "../src/classify/json.js";
import { isRuleId, RULES, rule } from "../src/rules/index.js";

const SRC = fileURLToPath(new URL("../src/", import.meta.url));

/** Every .ts file under src/, relative to it. */
const sources = (dir = SRC): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [relative(SRC, join(dir, e.name))] : [],
  );

/** The files under src/ a file imports (relative imports only), as paths relative to src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(SRC, file), "utf8");
  return [...text.matchAll(/^(?:import|export)[^;]*?from "(\.[^"]+)"/gms)].map((m) =>
    relative(SRC, resolve(dirname(join(SRC, file)), (m[1] as string).replace(/\.js$/, ".ts"))),
  );
}

describe("rule ids and the rules' place in the tool (issue 20 finding 6)", () => {
  it("a misspelt rule id is a type error, and still a TypeError at run time", () => {
    const log = new ChangeLog("error-code.schema.json");
    // @ts-expect-error "code-removd" is not a rule id (tsc fails here if any string were accepted)
    expect(() => log.add("code-removd", "/anyOf/0", "x", "x")).toThrow(TypeError);
    expect(() => rule("code-removd")).toThrow('unknown contract rule id "code-removd"');
    expect(isRuleId("code-removed") && !isRuleId("toString") && !isRuleId("__proto__")).toBe(true);
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  it("rules/ imports nothing above it but bump.ts, and no file under src/ is part of an import cycle", () => {
    const graph = new Map(sources().map((f) => [f, importsOf(f)]));
    for (const [file, deps] of graph)
      if (file.startsWith("rules/"))
        expect(
          deps.filter((d) => !d.startsWith("rules/") && d !== "bump.ts"),
          file,
        ).toEqual([]);
    const state = new Map<string, "open" | "done">();
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === "done") return;
      expect(state.get(file), `import cycle: ${[...path, file].join(" -> ")}`).not.toBe("open");
      state.set(file, "open");
      for (const dep of graph.get(file) ?? []) visit(dep, [...path, file]);
      state.set(file, "done");
    };
    for (const file of graph.keys()) visit(file, []);
  });

  it("the rule tables fit the page (they were lines of up to 487 characters)", () => {
    for (const file of sources().filter((f) => f.startsWith("rules/")))
      for (const line of readFileSync(join(SRC, file), "utf8").split("\n"))
        expect(line.length, `${file}: ${line.slice(0, 60)}`).toBeLessThanOrEqual(120);
  });
});
