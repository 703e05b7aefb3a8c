import { Type } from "@sinclair/typebox";
import { TypeCompiler } from "@sinclair/typebox/compiler";
import { ERROR_CODES, ERROR_TYPES } from "@org/error-types";
import * as v from "valibot";
import * as z from "zod";

/**
 * The strict contract written in each peer library, as faithfully and as idiomatically as
 * the library allows: closed objects (unknown members rejected), `message` a string of at
 * most 65,536 UTF-16 units (every peer counts `.length`), `type` one of the 7 categories,
 * `code` one of the 26 codes or null, `param` optional string or null. Each peer runs in
 * its fastest stock mode (zod's JIT, valibot's abort-early `is`, TypeBox compiled); none is
 * tuned down. `agreement.ts` checks them against the hand-written guard before timing.
 */
const MAX = 65_536;

const zodSchema = z.strictObject({
  error: z.strictObject({
    message: z.string().max(MAX),
    type: z.enum(ERROR_TYPES),
    code: z.enum(ERROR_CODES).nullable(),
    param: z.string().nullable().optional(),
  }),
});

const valibotSchema = v.strictObject({
  error: v.strictObject({
    message: v.pipe(v.string(), v.maxLength(MAX)),
    type: v.picklist(ERROR_TYPES),
    code: v.nullable(v.picklist(ERROR_CODES)),
    param: v.optional(v.nullable(v.string())),
  }),
});

const typeboxSchema = Type.Object(
  {
    error: Type.Object(
      {
        message: Type.String({ maxLength: MAX }),
        type: Type.Union(ERROR_TYPES.map((t) => Type.Literal(t))),
        code: Type.Union([...ERROR_CODES.map((c) => Type.Literal(c)), Type.Null()]),
        param: Type.Optional(Type.Union([Type.String(), Type.Null()])),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

/** zod 4 (classic API, JIT on): `safeParse(...).success`. zod has no boolean-only check. */
export function zodCheck(): (data: unknown) => boolean {
  return (data) => zodSchema.safeParse(data).success;
}

/** valibot 1: `is`, its boolean guard (abort early, no issue objects kept). */
export function valibotCheck(): (data: unknown) => boolean {
  return (data) => v.is(valibotSchema, data);
}

/** TypeBox 0.34 compiled with TypeCompiler (code generation at run time): `Check`. */
export function typeboxCheck(): (data: unknown) => boolean {
  const compiled = TypeCompiler.Compile(typeboxSchema);
  return (data) => compiled.Check(data);
}
