import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import codeSchema from "@org/error-types/schemas/error-code.schema.json";
import strictSchema from "@org/error-types/schemas/error-envelope.schema.json";
import lenientSchema from "@org/error-types/schemas/error-envelope.lenient.schema.json";
import typeSchema from "@org/error-types/schemas/error-type.schema.json";
import { createStrictAjv, METADATA_KEYWORDS } from "@org/contract-model";
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import type { ValidationMode } from "../src/index.js";

/** One oracle's verdict (and, for ajv, every problem it found, to place our issue among them). */
export type Verdict = { ok: boolean; errors: ErrorObject[] };
export type Oracle = Record<ValidationMode, (data: unknown) => Verdict>;

/** The published schema files, compiled untouched by `ajv`. */
function compile(ajv: Ajv2020): Oracle {
  ajv.addSchema(codeSchema).addSchema(typeSchema);
  const compiled = { strict: ajv.compile(strictSchema), lenient: ajv.compile(lenientSchema) };
  const run = (mode: ValidationMode) => (data: unknown) => {
    const validate = compiled[mode];
    return { ok: validate(data), errors: validate.errors ?? [] };
  };
  return { strict: run("strict"), lenient: run("lenient") };
}

/**
 * ajv with its default options (what a third party given the published schema gets: `unicode:
 * true`, first error only). Its default strict mode refuses unknown keywords, so the `x-*`
 * metadata keywords are declared (annotations: they change no verdict); the logger is
 * silenced (union types are logged by default).
 */
export function ajvDefault(): Oracle {
  const ajv = new Ajv2020({ logger: false });
  ajv.addVocabulary([...METADATA_KEYWORDS]);
  return compile(ajv);
}

/**
 * ajv as the project configures it (@org/contract-model's factory: strict mode, union types,
 * all errors), with `unicode: true`: maxLength counts code points, as the schema means and the
 * generated validators do (the factory's own `unicode: false` predates issue 23).
 */
export const ajvProject = (): Oracle => compile(createStrictAjv({ unicode: true }));

const SCRIPT = fileURLToPath(new URL("./python/verdicts.py", import.meta.url));

/** Why Python's jsonschema cannot run here, or undefined when it can. */
export function pythonUnavailable(): string | undefined {
  const probe = spawnSync("python3", ["-c", "import jsonschema, referencing"], { encoding: "utf8" });
  if (probe.error) return `python3 is not installed (${probe.error.message})`;
  if (probe.status !== 0) return `python3 has no jsonschema/referencing module (Debian: python3-jsonschema)`;
  return undefined;
}

/**
 * Python's jsonschema (Draft 2020-12) on JSON texts: for each text, [strict, lenient] verdicts
 * on the published schema files, then on the self-contained views `~standard.jsonSchema` hands
 * out. One process for the whole corpus.
 */
export function pythonVerdicts(texts: readonly string[], views: Record<ValidationMode, object>): boolean[][] {
  const schemas: Record<string, unknown> = {};
  for (const s of [codeSchema, typeSchema, strictSchema, lenientSchema]) schemas[s.$id] = s;
  schemas["urn:view:strict"] = { ...views.strict, $id: "urn:view:strict" };
  schemas["urn:view:lenient"] = { ...views.lenient, $id: "urn:view:lenient" };
  const roots = {
    strict: strictSchema.$id,
    lenient: lenientSchema.$id,
    strictView: "urn:view:strict",
    lenientView: "urn:view:lenient",
  };
  const input = [JSON.stringify({ schemas, roots }), ...texts].join("\n");
  const run = spawnSync("python3", [SCRIPT], { input, encoding: "utf8", maxBuffer: 1 << 28 });
  if (run.status !== 0)
    throw new Error(`python3 ${SCRIPT} failed (${String(run.status)}): ${run.stderr.slice(0, 500)}`);
  const lines = run.stdout.trimEnd().split("\n");
  if (lines.length !== texts.length) throw new Error(`python3 gave ${lines.length} verdicts for ${texts.length} texts`);
  return lines.map((line) => [...line].map((c) => c === "1"));
}
