import { describe, expect, it } from "vitest";
import { NON_RETRYABLE_STATUSES, RETRYABLE_STATUSES, STATUS_CLASSES, STATUS_TYPES } from "../src/generated/http.js";
import {
  DIALECT_NAMES,
  DIALECTS,
  ERROR_CATALOG,
  ERROR_CODES,
  ERROR_TYPES,
  HTTP_ERROR_STATUSES,
  HTTP_STATUSES,
  RETRY_AFTER_STATUSES,
  RETRYABLE_ERROR_CODES,
} from "../src/index.js";
import { lookupAnswers } from "./lookup-answers.js";

/** Every constant the package generates, by name: the public ones and the internal rule data. */
const CONSTANTS: Record<string, unknown> = {
  ERROR_CATALOG,
  ERROR_CODES,
  RETRYABLE_ERROR_CODES,
  ERROR_TYPES,
  HTTP_ERROR_STATUSES,
  HTTP_STATUSES,
  RETRY_AFTER_STATUSES,
  STATUS_TYPES,
  STATUS_CLASSES,
  RETRYABLE_STATUSES,
  NON_RETRYABLE_STATUSES,
  DIALECT_NAMES,
  DIALECTS,
};

/** Every object reachable from the constants, with a readable path: `ERROR_CATALOG.model_not_found.statuses`. */
function reachable(): Array<[path: string, target: object]> {
  const out: Array<[string, object]> = [];
  const walk = (path: string, value: unknown): void => {
    if (typeof value !== "object" || value === null) return;
    out.push([path, value]);
    for (const key of Reflect.ownKeys(value))
      walk(`${path}.${String(key)}`, (value as Record<PropertyKey, unknown>)[key]);
  };
  for (const [name, value] of Object.entries(CONSTANTS)) walk(name, value);
  return out;
}

/**
 * What a plain-JS caller might do to a fact, as source text (run with `new Function`, so in
 * sloppy mode unless prefixed with "use strict"). `k` is an existing own key of `t`.
 */
const ATTACKS = [
  "t[k] = 500",
  "t[k] = 'server_error'",
  "t.status = 500",
  "t.retryable = true",
  "t.insufficient_user_quota = 1",
  "t.added = 1",
  "delete t[k]",
  "Object.defineProperty(t, k, { value: 599 })",
  "Object.defineProperty(t, 'added', { value: 1, enumerable: true })",
  "Object.setPrototypeOf(t, { status: 500 })",
  "t.__proto__ = { status: 500 }",
  "Array.prototype.push.call(t, 'insufficient_user_quota')",
  "Array.prototype.unshift.call(t, 999)",
  "Array.prototype.pop.call(t)",
  "Array.prototype.splice.call(t, 0, 1)",
  "Array.prototype.reverse.call(t)",
  "Array.prototype.fill.call(t, 'model_not_found')",
  "t.length = 0",
];

const run = (mode: "strict" | "sloppy", attack: string, target: object, key: PropertyKey): unknown => {
  const body = mode === "strict" ? `"use strict"; ${attack}` : attack;
  try {
    new Function("t", "k", body)(target, key);
    return undefined;
  } catch (error) {
    return error;
  }
};

describe("every generated constant is frozen deeply", () => {
  it.each(reachable())("%s is frozen", (_path, target) => {
    expect(Object.isFrozen(target)).toBe(true);
  });
});

describe("mutating a fact from plain JS changes nothing else", () => {
  const before = lookupAnswers();
  const snapshot = JSON.stringify(CONSTANTS);
  const targets = reachable();

  it.each(ATTACKS)("%s, on every reachable object, in strict and sloppy mode", (attack) => {
    for (const [path, target] of targets) {
      const key = Reflect.ownKeys(target)[0] ?? "x";
      // Strict mode: a write to a frozen object throws a TypeError (an array method with
      // nothing to move, like reversing one element, may do nothing at all); sloppy mode may
      // fail silently. Either way, nothing may change.
      const strict = run("strict", attack, target, key);
      if (strict !== undefined) expect(strict, `${path}: ${attack}`).toBeInstanceOf(TypeError);
      const sloppy = run("sloppy", attack, target, key);
      if (sloppy !== undefined) expect(sloppy, `${path}: ${attack}`).toBeInstanceOf(TypeError);
    }
    expect(JSON.stringify(CONSTANTS)).toBe(snapshot);
    expect(lookupAnswers()).toEqual(before);
  });

  it("the answers compared are the contract's (a 404 code, a retryable code, a status rule)", () => {
    expect(before.codeToHttpStatus["model_not_found"]).toBe(404);
    expect(before.isRetryableErrorCode["insufficient_user_quota"]).toBe(false);
    expect(before.errorTypeForHttpStatus[404]).toBe("not_found_error");
    expect(before.isStatusAllowedForCode["read_request_body_failed 413"]).toBe(true);
  });
});
