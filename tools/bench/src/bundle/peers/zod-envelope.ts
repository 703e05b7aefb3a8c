import * as z from "zod";
import type { LenientEnvelope } from "./hand-client.js";

/** The lenient envelope in zod 4 (classic API): open objects, any string/number/null code. */
const schema = z.object({
  error: z.object({
    message: z.string().max(65_536),
    type: z.string().nullable().optional(),
    code: z.union([z.string(), z.number(), z.null()]).optional(),
    param: z.string().nullable().optional(),
  }),
});

export const checkWithZod = (value: unknown): LenientEnvelope | null => {
  const result = schema.safeParse(value);
  return result.success ? result.data : null;
};
