import { codeBanner } from "../banner.js";
import type { Contract } from "../contract.js";
import { Ajv } from "ajv";
import { AJV_LOGGER } from "../load.js";
import { emitCheckedCopy } from "./checked-copy-emitter.js";
import { emitGuard, emitReporter, GUARD_HELPERS } from "./guard-emitter.js";
import { validationView } from "./validation-view.js";

/** Options shared by the generated validators and by tests that compile the same schemas at run time. */
export const VALIDATOR_AJV_OPTIONS = {
  // One issue is enough to say what is wrong, and stopping early bounds the work on hostile input.
  allErrors: false,
  // maxLength counts Unicode code points, JSON Schema's unit (ajv's default): the emitted
  // checks compare `.length` first and count code points only past the cap.
  unicode: true,
} as const;

const DTS = `${codeBanner()}
/**
 * A place in a reporter that can fail, as ajv would report it there: a module constant.
 * \`memo\` belongs to the package, which keeps the site's fixed message texts there once built.
 */
export interface CompiledSite {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  memo: unknown;
}

/** The first problem found. Internal: the package maps it to a ValidationIssue. */
export interface CompiledValidationError {
  ok: false;
  site: CompiledSite;
  /** What the message quotes: the value at the site's path; for additionalProperties the unknown member's name; for required the object. */
  value: unknown;
}

/** A reporting check: null when the value is valid, else its first problem. */
export type CompiledReporter = (data: unknown) => CompiledValidationError | null;

/** Exactly the contract: known codes and types, no other members. */
export declare const reportStrict: CompiledReporter;
/** What real gateways send: see the lenient schema. */
export declare const reportLenient: CompiledReporter;
/**
 * The strict checks and the copy in one pass, each member read once: \`{ ok: true, value }\`
 * (a fresh copy of exactly the contract's members, in its order) or the first problem, as
 * \`reportStrict\` gives it. Members are own enumerable string-keyed properties.
 */
export declare function checkCopyStrict(data: unknown): { ok: true; value: unknown } | CompiledValidationError;
/** The strict envelope's JSON Schema, self-contained (refs inlined, annotations dropped): what the checks implement. */
export declare const strictJsonSchema: Record<string, unknown>;
/** The lenient envelope's JSON Schema, self-contained like strictJsonSchema. */
export declare const lenientJsonSchema: Record<string, unknown>;
/** The strict checks as a plain boolean guard: no error report, no allocation on a miss. */
export declare function guardStrict(data: unknown): boolean;
/** The lenient checks as a plain boolean guard, small enough for browser bundles. */
export declare function guardLenient(data: unknown): boolean;
`;

/**
 * The strict and lenient checks, each twice: a boolean guard and a reporter that names the
 * first problem (ESM; tsup turns it into CJS as well), plus their declarations. Both are
 * emitted from the same validation views (see guard-emitter.ts); ajv compiles each view
 * first, in strict mode, so a view ajv would refuse never reaches the emitters. Refuses
 * output that imports anything: the package has no runtime dependencies.
 */
export function generateValidators(contract: Contract): { js: string; dts: string } {
  const strictView = validationView(contract, contract.schemas.envelope);
  const lenientView = validationView(contract, contract.schemas.lenient);
  const ajv = new Ajv({ strict: true, allowUnionTypes: true, logger: AJV_LOGGER, ...VALIDATOR_AJV_OPTIONS });
  ajv.compile(strictView);
  ajv.compile(lenientView);
  // Separate functions so a bundle that needs one sheds the others (the client keeps only guardLenient).
  const parts = [
    GUARD_HELPERS,
    emitGuard("guardStrict", strictView),
    emitGuard("guardLenient", lenientView),
    emitReporter("reportStrict", strictView),
    emitReporter("reportLenient", lenientView),
    emitCheckedCopy("checkCopyStrict", strictView, { setsOf: "reportStrict" }),
  ];
  // The views themselves, for callers that hand the schema on (Standard JSON Schema): they use
  // only keywords every JSON Schema draft since 4 reads the same way.
  parts.push(
    `export const strictJsonSchema = ${JSON.stringify(strictView)};\n`,
    `export const lenientJsonSchema = ${JSON.stringify(lenientView)};\n`,
  );
  const js = parts.join("\n");
  if (/\brequire\(|\bimport\b/.test(js))
    throw new Error("validators target: the emitted code imports something; it must not");
  return { js: `${codeBanner()}${js}\n`, dts: DTS };
}
