import type { ErrorEnvelope, LenientErrorEnvelope } from "@org/error-types";
import type { StandardJSONSchemaV1, StandardSchemaV1 } from "@standard-schema/spec";
import { describe, expectTypeOf, it } from "vitest";
import { errorEnvelopeSchema, lenientErrorEnvelopeSchema } from "../src/index.js";

// Checked against the spec's own types (a dev dependency only: the package copies them structurally).
describe("Standard Schema v1 and Standard JSON Schema v1, by the spec's types", () => {
  it("the strict schema is a StandardSchemaV1 and a StandardJSONSchemaV1 of ErrorEnvelope", () => {
    expectTypeOf(errorEnvelopeSchema).toExtend<StandardSchemaV1<ErrorEnvelope, ErrorEnvelope>>();
    expectTypeOf(errorEnvelopeSchema).toExtend<StandardJSONSchemaV1<ErrorEnvelope, ErrorEnvelope>>();
    expectTypeOf<StandardSchemaV1.InferOutput<typeof errorEnvelopeSchema>>().toEqualTypeOf<ErrorEnvelope>();
  });

  it("the lenient schema infers LenientErrorEnvelope", () => {
    expectTypeOf(lenientErrorEnvelopeSchema).toExtend<StandardSchemaV1<LenientErrorEnvelope, LenientErrorEnvelope>>();
    expectTypeOf(lenientErrorEnvelopeSchema).toExtend<
      StandardJSONSchemaV1<LenientErrorEnvelope, LenientErrorEnvelope>
    >();
    expectTypeOf<
      StandardSchemaV1.InferOutput<typeof lenientErrorEnvelopeSchema>
    >().toEqualTypeOf<LenientErrorEnvelope>();
  });

  it("the strict schema is not one of a different output type", () => {
    expectTypeOf(errorEnvelopeSchema).not.toExtend<StandardSchemaV1<unknown, { other: string }>>();
  });
});
