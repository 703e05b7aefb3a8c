/**
 * Turns a generated `Thrown` into the value a handler throws, in its framework's own terms:
 * `createError` from the built package, http-errors with `err.headers` (Express, Fastify,
 * Nest), Hono's `HTTPException` with a `res` (what `basicAuth` throws), plain Errors and
 * non-Errors carrying secrets, a revoked Proxy and objects whose getters throw.
 */
import { HttpException } from "@nestjs/common";
import { createError } from "@org/error-server";
import { HTTPException } from "hono/http-exception";
import createHttpError from "http-errors";
import type { Adapter, Thrown } from "./plan.js";

type CreateError = (
  code: string,
  message: string | undefined,
  options: { status: number; headers: Record<string, string> },
) => unknown;

/** The value to throw for `thrown` on `adapter`. */
export function materialize(thrown: Thrown, adapter: Adapter): unknown {
  switch (thrown.kind) {
    case "contract":
      return (createError as unknown as CreateError)(thrown.code, thrown.message, {
        status: thrown.status,
        headers: thrown.headers,
      });
    case "http-error":
      if (adapter === "hono") {
        // What hono/basic-auth and hono/bearer-auth throw: the headers live in `res`.
        const res = new Response(thrown.message, { status: thrown.status, headers: thrown.headers });
        return new HTTPException(thrown.status, { message: thrown.message, res });
      }
      return createHttpError(thrown.status, thrown.message, { headers: thrown.headers });
    case "nest-http":
      return adapter === "nest"
        ? new HttpException(thrown.message, thrown.status)
        : createHttpError(thrown.status, thrown.message);
    case "plain":
      return new Error(thrown.message);
    case "string":
      return `upstream failed: ${thrown.secret.text}`;
    case "object":
      return { message: `upstream failed: ${thrown.secret.text}`, detail: thrown.secret.text };
    case "number":
      return 42;
    case "null":
      return null;
    case "undefined":
      return undefined;
    case "revoked-proxy": {
      const { proxy, revoke } = Proxy.revocable(new Error("revoked"), {});
      revoke();
      return proxy;
    }
    case "throwing-getters":
      return Object.create(Error.prototype, {
        message: { get: boom, enumerable: true },
        stack: { get: boom },
        status: { get: boom, enumerable: true },
        headers: { get: boom, enumerable: true },
      }) as unknown;
    case "throwing-status":
      return Object.defineProperty(new Error("status getter"), "status", { get: boom, enumerable: true });
  }
}

function boom(): never {
  throw new Error("getter exploded");
}

/** The status the answer must have (when one can still be sent). */
export function expectedStatus(thrown: Thrown): number {
  switch (thrown.kind) {
    case "contract":
    case "http-error":
    case "nest-http":
      return thrown.status;
    default:
      return 500;
  }
}

/** The secret the thrown value carries, if any: no slice of it may reach the response. */
export function secretOf(thrown: Thrown): string | undefined {
  return "secret" in thrown ? thrown.secret?.core : undefined;
}
