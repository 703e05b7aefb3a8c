/**
 * @org/codegen (private) as a library, for the tools that compare against exactly what it
 * generates (tools/bench): the contract model and the validators' schema view and options.
 * @packageDocumentation
 */
export type { CodeEntry, Contract, ContractRules, OtherStatus, StatusClass, StatusRow, TypeEntry } from "./contract.js";
export { generateAll, type GeneratedFiles } from "./generate.js";
export { OUT } from "./layout.js";
export { loadContract } from "./load.js";
export { SchemaError } from "./schema-error.js";
export { validationView } from "./targets/validation-view.js";
export { VALIDATOR_AJV_OPTIONS } from "./targets/validators.js";
export { type MutatedRepo, mutatedRepo, type SchemaEdit } from "./mutated-repo.js";
