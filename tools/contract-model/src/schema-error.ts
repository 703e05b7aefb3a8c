/**
 * An error in the source schemas. Its message always starts with the schema file (and a
 * JSON Pointer into it when one is known), so the person who edited the schema can find
 * the spot without reading the generator.
 */
export class SchemaError extends Error {
  override readonly name = "SchemaError";

  constructor(
    /** Path of the schema file, relative to the repository root. */
    readonly file: string,
    /** JSON Pointer into the file ("" for the whole file). */
    readonly pointer: string,
    detail: string,
  ) {
    super(`${file}${pointer ? `#${pointer}` : ""}: ${detail}`);
  }
}
