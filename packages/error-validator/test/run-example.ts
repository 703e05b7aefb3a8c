import ts from "typescript";

/**
 * Transpiles one README example to CommonJS and runs it with `modules` as what it imports;
 * returns what it printed (`console.log`). Test-only: the examples are our own READMEs.
 */
export function runExample(code: string, modules: Readonly<Record<string, unknown>>): string[] {
  const js = ts.transpileModule(code, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const printed: string[] = [];
  const console = { log: (value: unknown) => printed.push(typeof value === "string" ? value : JSON.stringify(value)) };
  const require = (name: string): unknown => {
    if (!Object.hasOwn(modules, name)) throw new Error(`README example imports ${name}`);
    return modules[name];
  };
  new Function("require", "exports", "console", js)(require, {}, console);
  return printed;
}
