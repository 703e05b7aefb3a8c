import type { ErrorEnvelope, LenientErrorEnvelope } from "@org/error-types";
import { lenientJsonSchema, strictJsonSchema } from "./generated/validators.js";
import { describe } from "./describe.js";
import type { ValidationIssue } from "./issue.js";
import { type ValidationMode, validateErrorEnvelope } from "./validate.js";

// Standard Schema v1 and Standard JSON Schema v1 (https://standardschema.dev), written out
// structurally as the spec asks of libraries: no dependency on @standard-schema/spec, which a
// type-level test checks these against.

/** A Standard Schema issue: a message and the path of keys to the offending value. */
export interface StandardIssue {
  readonly message: string;
  readonly path?: readonly PropertyKey[] | undefined;
}

/** What `~standard.validate` returns: the value, or the issues. */
export type StandardResult<T> =
  { readonly value: T; readonly issues?: undefined } | { readonly issues: readonly StandardIssue[] };

/** The JSON Schema drafts `~standard.jsonSchema` produces. */
export type StandardJsonSchemaTarget = "draft-2020-12" | "draft-07";

/** A schema object implementing Standard Schema v1 and Standard JSON Schema v1 for one envelope mode. */
export interface ErrorEnvelopeStandardSchema<T> {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: "@org/error-validator";
    readonly validate: (value: unknown) => StandardResult<T>;
    readonly jsonSchema: {
      readonly input: (options: { readonly target: string }) => Record<string, unknown>;
      readonly output: (options: { readonly target: string }) => Record<string, unknown>;
    };
    readonly types?: { readonly input: T; readonly output: T } | undefined;
  };
}

const DIALECTS: Record<StandardJsonSchemaTarget, string> = {
  "draft-2020-12": "https://json-schema.org/draft/2020-12/schema",
  "draft-07": "http://json-schema.org/draft-07/schema#",
};

/** A JSON Pointer ("/error/a~1b") as Standard Schema path keys (["error", "a/b"]); the root has no path. */
function pathOf(pointer: string): PropertyKey[] | undefined {
  if (pointer === "") return undefined;
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

const toStandard = (issues: readonly ValidationIssue[]): StandardIssue[] =>
  issues.map((i) => ({ message: i.message, path: pathOf(i.path) }));

/**
 * The contract's JSON Schema for `target`, as a fresh object (callers may change it). The
 * schema uses only keywords both drafts read alike; other targets (e.g. "openapi-3.0", which
 * has no type lists) throw, as the spec asks.
 */
function jsonSchemaFor(
  schema: Record<string, unknown>,
  options: { readonly target: string } | undefined,
): Record<string, unknown> {
  const target = options?.target;
  // Own keys only: a target named "constructor" or "__proto__" is unsupported, not Object's.
  const dialect =
    typeof target === "string" && Object.hasOwn(DIALECTS, target)
      ? DIALECTS[target as StandardJsonSchemaTarget]
      : undefined;
  if (dialect === undefined) {
    throw new TypeError(
      `@org/error-validator: JSON Schema target ${describe(target)} is not supported; use "draft-2020-12" or "draft-07"`,
    );
  }
  return { $schema: dialect, ...(structuredClone(schema) as Record<string, unknown>) };
}

/**
 * A Standard Schema object for one mode, frozen all the way down: a library (or a plain-JS
 * caller) that replaces `validate` or `jsonSchema.output` would make every later user of the
 * shared object accept anything.
 */
function standardSchema<T>(mode: ValidationMode, schema: Record<string, unknown>): ErrorEnvelopeStandardSchema<T> {
  const jsonSchema = (options: { readonly target: string }) => jsonSchemaFor(schema, options);
  return Object.freeze({
    "~standard": Object.freeze({
      version: 1 as const,
      vendor: "@org/error-validator" as const,
      validate: (value: unknown): StandardResult<T> => {
        const result = validateErrorEnvelope(value, { mode });
        return result.ok ? { value: result.value as T } : { issues: toStandard(result.issues) };
      },
      jsonSchema: Object.freeze({ input: jsonSchema, output: jsonSchema }),
    }),
  });
}

/**
 * The strict envelope as a Standard Schema v1 (and Standard JSON Schema v1) object, for
 * libraries that take any such schema (Hono's standard validator, tRPC, form libraries...).
 * `validate` never throws; success hands back the same copy `validateErrorEnvelope` returns.
 */
export const errorEnvelopeSchema: ErrorEnvelopeStandardSchema<ErrorEnvelope> = /* @__PURE__ */ standardSchema(
  "strict",
  strictJsonSchema,
);

/** The lenient envelope as a Standard Schema v1 (and Standard JSON Schema v1) object. */
export const lenientErrorEnvelopeSchema: ErrorEnvelopeStandardSchema<LenientErrorEnvelope> =
  /* @__PURE__ */ standardSchema("lenient", lenientJsonSchema);
