import * as z from "zod/mini";
import type { LenientEnvelope } from "./hand-client.js";

/** The same lenient envelope in zod/mini, zod 4's tree-shakable API (the peer at its smallest). */
const schema = z.object({
  error: z.object({
    message: z.string().check(z.maxLength(65_536)),
    type: z.optional(z.nullable(z.string())),
    code: z.optional(z.union([z.string(), z.number(), z.null()])),
    param: z.optional(z.nullable(z.string())),
  }),
});

export const checkWithZodMini = (value: unknown): LenientEnvelope | null => {
  const result = schema.safeParse(value);
  return result.success ? result.data : null;
};
