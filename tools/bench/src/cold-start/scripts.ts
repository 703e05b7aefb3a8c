import { pathToFileURL } from "node:url";

/** What every child prints on stdout: milliseconds from before the import to after the first validation. */
export interface ChildReport {
  ok: boolean;
  /** import + set-up + first validation, measured inside the child with performance.now(). */
  importAndFirstMs: number;
  /** performance.now() at the end: time since the process's time origin. */
  sinceProcessStartMs: number;
}

const ENVELOPE = JSON.stringify({
  error: {
    message: "The model `gpt-9` does not exist",
    type: "not_found_error",
    code: "model_not_found",
    param: "model",
  },
});

const report = `const t1 = performance.now();
process.stdout.write(JSON.stringify({ ok, importAndFirstMs: t1 - t0, sinceProcessStartMs: t1 }));`;

/** Node started, nothing imported: the floor every process pays. */
export const emptyScript = (): string => `const t0 = performance.now();\nconst ok = true;\n${report}\n`;

/** Imports the built validator (ESM dist) and validates one parsed envelope. */
export function validatorScript(validatorEsm: string): string {
  return `const t0 = performance.now();
const { isErrorEnvelope } = await import(${JSON.stringify(pathToFileURL(validatorEsm).href)});
const ok = isErrorEnvelope(JSON.parse(${JSON.stringify(ENVELOPE)}));
${report}
`;
}

/**
 * Imports ajv, compiles the schema at start-up, validates one envelope. `schemas` are added
 * first; the last one is compiled. The schemas are inlined in the script, so reading them
 * from disk costs ajv nothing here.
 */
export function ajvScript(
  ajvEntry: string,
  options: Record<string, unknown>,
  schemas: readonly unknown[],
  vocabulary: readonly string[],
): string {
  return `const t0 = performance.now();
const { default: Ajv } = await import(${JSON.stringify(pathToFileURL(ajvEntry).href)});
const ajv = new Ajv(${JSON.stringify({ ...options, logger: false })});
${vocabulary.length > 0 ? `ajv.addVocabulary(${JSON.stringify(vocabulary)});` : ""}
const schemas = ${JSON.stringify(schemas)};
for (const s of schemas.slice(0, -1)) ajv.addSchema(s);
const validate = ajv.compile(schemas[schemas.length - 1]);
const ok = validate(JSON.parse(${JSON.stringify(ENVELOPE)}));
${report}
`;
}
