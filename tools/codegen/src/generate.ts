import type { Fact } from "@org/contract-model";
import { loadContract } from "./load.js";
import { OUT } from "./layout.js";
import { generateCatalog } from "./targets/catalog.js";
import { generateDialects } from "./targets/dialects.js";
import { generateDocs } from "./targets/docs.js";
import { generateFacts } from "./targets/facts.js";
import { generateErrorsJson, generateErrorsJsonModule } from "./targets/errors-json.js";
import { generateHtmlPage } from "./targets/html-page.js";
import { generateHttp } from "./targets/http.js";
import { generateOpenApi } from "./targets/openapi.js";
import { generateRecords } from "./targets/records.js";
import { generateSchemaCopies } from "./targets/schema-copies.js";
import { generateTypes } from "./targets/types.js";
import { generateValidators } from "./targets/validators.js";

/** Every generated file: repository-relative path -> content. */
export type GeneratedFiles = Map<string, string>;

/**
 * Runs every target in memory. Nothing is written here: a schema error stops the run before
 * any file is touched, so a package is never half-written. `vocabulary` replaces the
 * contract's vocabulary table (the mutation tests add a row).
 */
export async function generateAll(
  root: string,
  options: { vocabulary?: Readonly<Record<string, Fact>> } = {},
): Promise<GeneratedFiles> {
  const contract = loadContract(root, options.vocabulary);
  const files: GeneratedFiles = new Map();
  files.set(OUT.types, await generateTypes(contract));
  files.set(OUT.catalog, generateCatalog(contract));
  files.set(OUT.http, generateHttp(contract));
  files.set(OUT.facts, generateFacts(contract));
  files.set(OUT.records, generateRecords(contract));
  files.set(OUT.dialects, generateDialects(contract));
  for (const [file, content] of generateSchemaCopies(contract)) files.set(OUT.schemaCopy(file), content);
  files.set(OUT.openapi, generateOpenApi(contract));
  files.set(OUT.docs, generateDocs(contract));
  files.set(OUT.reference("errors.html"), generateHtmlPage(contract));
  for (const [file, content] of generateErrorsJson(contract)) files.set(OUT.reference(file), content);
  files.set(OUT.errorsJsonModule, generateErrorsJsonModule(contract));
  const validators = generateValidators(contract);
  files.set(OUT.validatorsJs, validators.js);
  files.set(OUT.validatorsDts, validators.dts);
  return files;
}
