/** An error in the source schemas, naming the file and the JSON Pointer: @org/contract-model's, where they are read. */
export { SchemaError } from "@org/contract-model";
