import standaloneCode from "ajv/dist/standalone/index.js";
import { codeBanner } from "../banner.js";
import type { Contract } from "../contract.js";
import { Ajv } from "ajv";
import { AJV_LOGGER } from "../load.js";
import { emitGuard } from "./guard-emitter.js";
import { validationView } from "./validation-view.js";

/** Options shared by the generated validators and by tests that compile the same schemas at run time. */
export const VALIDATOR_AJV_OPTIONS = {
  // One issue is enough to say what is wrong, and stopping early bounds the work on hostile input.
  allErrors: false,
  // `.length` instead of ajv's ucs2length helper: no runtime import, and a plain compare.
  unicode: false,
} as const;

const DTS = `${codeBanner()}
/** One error as ajv reports it. Internal: the package maps these to ValidationIssue. */
export interface CompiledValidationError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** An ajv standalone validate function. Internal. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: CompiledValidationError[] | null;
}

/** Exactly the contract: known codes and types, no other members. */
export declare const validateStrict: CompiledValidator;
/** What real gateways send: see the lenient schema. */
export declare const validateLenient: CompiledValidator;
/** The strict checks as a plain boolean guard: no error report, no allocation on a miss. */
export declare function guardStrict(data: unknown): boolean;
/** The lenient checks as a plain boolean guard, small enough for browser bundles. */
export declare function guardLenient(data: unknown): boolean;
`;

/**
 * The strict and lenient validators as ajv standalone code (ESM; tsup turns it into CJS as
 * well), plus their declarations. Refuses output that imports anything: the package has no
 * runtime dependencies.
 */
export function generateValidators(contract: Contract): { js: string; dts: string } {
  // The view uses only draft-independent keywords, so plain (draft-07) Ajv compiles it: it
  // emits no 2020-12 bookkeeping (dynamic anchors, evaluated props) on every call.
  const ajv = new Ajv({ strict: true, allowUnionTypes: true, logger: AJV_LOGGER, ...VALIDATOR_AJV_OPTIONS, code: { source: true, esm: true, lines: true } });
  const strictView = validationView(contract, contract.schemas.envelope);
  const lenientView = validationView(contract, contract.schemas.lenient);
  ajv.addSchema(strictView, "strict");
  ajv.addSchema(lenientView, "lenient");
  const validators = standaloneCode(ajv, { validateStrict: "strict", validateLenient: "lenient" });
  // The boolean guards behind isErrorEnvelope / isLenientErrorEnvelope: emitted from the same
  // views, separate functions so a bundle that needs one sheds the others.
  const guards = [emitGuard("guardStrict", strictView), emitGuard("guardLenient", lenientView)];
  const js = [validators.replace(/^"use strict";/, ""), ...guards].join("\n");
  if (/\brequire\(|\bimport\b/.test(js)) {
    throw new Error("validators target: ajv standalone output imports a helper; change the schema or the options so it does not");
  }
  return { js: `${codeBanner()}${js}\n`, dts: DTS };
}
