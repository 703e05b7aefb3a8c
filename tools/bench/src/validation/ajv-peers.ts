import { createRequire } from "node:module";
import { Ajv } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import { loadContract, validationView, VALIDATOR_AJV_OPTIONS } from "@org/codegen";
import { AJV_LOGGER, findRepoRoot, METADATA_KEYWORDS } from "@org/contract-model";

/** The repository root. */
export const REPO_ROOT = findRepoRoot(import.meta.url);

/**
 * The schema `@org/error-validator` was generated from: tools/codegen's validation view of
 * schemas/error-envelope.schema.json (refs inlined, `anyOf` of consts folded into one enum).
 * Compiling exactly this at run time makes the ajv row a like-for-like comparison.
 */
export function strictValidationView(): Record<string, unknown> {
  const contract = loadContract(REPO_ROOT);
  return validationView(contract, contract.schemas.envelope) as Record<string, unknown>;
}

/** Options the precompiled validators were generated with (tools/codegen), minus code output. */
export const AJV_OPTIONS = {
  strict: true,
  allowUnionTypes: true,
  logger: AJV_LOGGER,
  ...VALIDATOR_AJV_OPTIONS,
} as const;

/** ajv 8 compiling the validation view at run time (draft-07 Ajv, as the generator does). */
export function ajvViewCheck(view = strictValidationView()): (data: unknown) => boolean {
  const validate = new Ajv(AJV_OPTIONS).compile(view);
  return (data) => validate(data);
}

const require = createRequire(import.meta.url);

/** The published schema files, as a consumer of @org/error-types reads them. */
export function publishedSchemas(): Record<string, unknown>[] {
  const names = ["error-type", "error-code", "error-envelope"];
  return names.map((n) => require(`@org/error-types/schemas/${n}.schema.json`) as Record<string, unknown>);
}

/**
 * ajv 8 (Ajv2020, the schemas' dialect) compiling the published source schemas untouched:
 * what a team that takes the JSON Schema from @org/error-types would do. Same options as
 * the generator, plus the contract's metadata keywords so strict mode accepts them.
 */
export function ajvSourceCheck(): (data: unknown) => boolean {
  const ajv = new Ajv2020(AJV_OPTIONS);
  ajv.addVocabulary([...METADATA_KEYWORDS]);
  const schemas = publishedSchemas();
  for (const schema of schemas) ajv.addSchema(schema);
  const envelope = schemas[schemas.length - 1] as { $id: string };
  const validate = ajv.getSchema(envelope.$id);
  if (!validate) throw new Error(`ajv could not find the envelope schema ${envelope.$id}`);
  return (data) => validate(data) as boolean;
}
