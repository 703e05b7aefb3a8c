import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import type { CodeEntry, Contract } from "../src/contract.js";
import { generateCatalog } from "../src/targets/catalog.js";
import { generateDialects } from "../src/targets/dialects.js";
import { generateErrorsJsonModule } from "../src/targets/errors-json.js";
import { generateFacts } from "../src/targets/facts.js";
import { generateHttp } from "../src/targets/http.js";
import { generateRecords } from "../src/targets/records.js";
import { REPO_ROOT } from "./temp-repo.js";

export type Api = typeof import("@org/error-types");

/** A contract like `base` whose codes are exactly `codes` (bypassing the loader, so any name can be tried). */
export function withCodes(base: Contract, codes: CodeEntry[]): Contract {
  return { ...base, codes };
}

const SRC = join(REPO_ROOT, "packages/error-types/src");
const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
  noEmit: true,
  lib: ["lib.es2022.d.ts"],
  types: [],
};

/** generated/types.ts reduced to what the catalog needs: the code and type unions. */
const typesStub = (contract: Contract): string => {
  const union = (xs: string[]) => xs.map((x) => JSON.stringify(x)).join(" | ") || "never";
  return [
    `export type ErrorCode = ${union(contract.codes.map((c) => c.code))};`,
    `export type ErrorType = ${union(contract.types.map((t) => t.type))};`,
    ...["ErrorBody", "ErrorEnvelope", "LenientErrorBody", "LenientErrorEnvelope"].map(
      (n) => `export type ${n} = unknown;`,
    ),
  ].join("\n");
};

/**
 * @org/error-types' hand-written sources with the catalog, HTTP and errors-json modules
 * generated from `contract`, in a temporary folder: typechecked (strict, as the package is)
 * when asked, transpiled and imported. The folder is removed before returning.
 */
export async function buildTypesPackage(
  contract: Contract,
  options: { typecheck: boolean },
): Promise<{ api: Api; diagnostics: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), "codegen-types-package-"));
  try {
    const src = join(dir, "src");
    cpSync(SRC, src, { recursive: true, filter: (from) => !from.includes("generated") });
    mkdirSync(join(src, "generated"));
    writeFileSync(join(src, "generated/catalog.ts"), generateCatalog(contract));
    writeFileSync(join(src, "generated/http.ts"), generateHttp(contract));
    writeFileSync(join(src, "generated/errors-json.ts"), generateErrorsJsonModule(contract));
    writeFileSync(join(src, "generated/facts.ts"), generateFacts(contract));
    writeFileSync(join(src, "generated/records.ts"), generateRecords(contract));
    writeFileSync(join(src, "generated/dialects.ts"), generateDialects(contract));
    writeFileSync(join(src, "generated/types.ts"), typesStub(contract));
    const files = readdirSync(src, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts"))
      .map((f) => join(src, f));
    const diagnostics = options.typecheck
      ? ts
          .getPreEmitDiagnostics(ts.createProgram(files, OPTIONS))
          .map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`)
      : [];
    for (const file of files) {
      const { outputText } = ts.transpileModule(readFileSync(file, "utf8"), { compilerOptions: OPTIONS });
      writeFileSync(file.replace(/\.ts$/, ".js"), outputText);
    }
    const api = (await import(pathToFileURL(join(src, "index.js")).href)) as Api;
    return { api, diagnostics };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
