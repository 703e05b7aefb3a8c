import { createError } from "../../src/index.js";

/** Things that must never reach a response: a key, a password, an internal host, a stack frame. */
export const SECRET_KEY = "sk-proj-A1b2C3d4E5f6G7h8I9j0KLMNOP";
export const INTERNAL_URL = "https://db.internal.example:5432/prod?password=hunter2";
export const LEAKS = [SECRET_KEY, "hunter2", "db.internal.example", "thrown-values", "    at "];

const detail = `connect ${INTERNAL_URL} failed with key ${SECRET_KEY}`;

// A proxy that throws on every operation: reading it must not crash the error path.
const hostile = (): unknown =>
  new Proxy(
    {},
    {
      get: () => {
        throw new Error(detail);
      },
      getPrototypeOf: () => {
        throw new Error(detail);
      },
      has: () => {
        throw new Error(detail);
      },
    },
  );

/** Every kind of non-ContractError value a handler can throw or reject with. */
export const THROWN: ReadonlyArray<{ given: string; make: () => unknown }> = [
  { given: "an Error with a URL and a key", make: () => new Error(detail) },
  { given: "a TypeError", make: () => new TypeError(`Cannot read properties of undefined (reading '${SECRET_KEY}')`) },
  { given: "a string", make: () => detail },
  { given: "null", make: () => null },
  { given: "undefined", make: () => undefined },
  { given: "a number", make: () => 42 },
  { given: "a symbol", make: () => Symbol(detail) },
  {
    given: "a plain object with message and stack",
    make: () => ({ message: detail, stack: `Error: ${detail}\n    at thrown-values.ts:1:1` }),
  },
  {
    given: "a plain object with an http-errors status",
    make: () => ({ status: 400, statusCode: 400, expose: true, message: detail }),
  },
  {
    given: "an Error with a status outside 400-599",
    make: () => Object.assign(new Error(detail), { status: 302, statusCode: 200, expose: true }),
  },
  {
    given: "a ContractError look-alike that is not one",
    make: () => ({ name: "ContractError", status: 400, code: "invalid_request", message: detail }),
  },
  { given: "an AggregateError", make: () => new AggregateError([new Error(detail)], detail) },
  {
    given: "an Error whose message getter throws",
    make: () =>
      Object.defineProperty(new Error(), "message", {
        get: () => {
          throw new Error(detail);
        },
      }),
  },
  { given: "a hostile Proxy", make: hostile },
  {
    given: "an Error caused by a ContractError",
    make: () => new Error(detail, { cause: createError("invalid_request") }),
  },
];
