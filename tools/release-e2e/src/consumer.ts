import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * A consumer project as a team outside the monorepo would write it: plain npm, no workspace,
 * the packages installed from a registry. Only the source files live here; the test installs.
 */

export const TS_COMMON = {
  strict: true,
  noEmit: true,
  // Check the published declarations too: they must compile for a consumer with no
  // @types/node and none of the optional peers (express, fastify). TypeScript's own lib
  // files are not ours to check (and checking lib.dom.d.ts takes seconds).
  skipLibCheck: false,
  skipDefaultLibCheck: true,
  types: [],
  lib: ["ES2022", "DOM"],
  target: "ES2022",
};

/** tsconfig files by name: each one a way consumers compile. */
export const TSCONFIGS = {
  /** Node16 resolution: an ES module (.mts), a CommonJS file (.cts), and the exhaustive switch. */
  node16: {
    compilerOptions: { ...TS_COMMON, module: "node16", moduleResolution: "node16" },
    files: ["src/esm.mts", "src/cjs.cts", "src/exhaustive.mts"],
  },
  /** Bundler resolution (Vite, esbuild, webpack). */
  bundler: {
    compilerOptions: { ...TS_COMMON, module: "esnext", moduleResolution: "bundler" },
    files: ["src/bundler.ts"],
  },
  /** A file with a misspelled code: must not compile. */
  wrong: { compilerOptions: { ...TS_COMMON, module: "esnext", moduleResolution: "bundler" }, files: ["src/wrong.ts"] },
  /** The exhaustive switch over ErrorCode alone (to see it fail while a code is unhandled). */
  exhaustive: {
    compilerOptions: { ...TS_COMMON, module: "node16", moduleResolution: "node16" },
    files: ["src/exhaustive.mts"],
  },
  /** Contract 1.1's members in the types (`request_id`, `doc_url`): only for a consumer of 1.1 or later. */
  v11: {
    compilerOptions: { ...TS_COMMON, module: "esnext", moduleResolution: "bundler" },
    files: ["src/typed-1-1.ts"],
  },
} as const;

/** Typed use of all three packages: literal statuses, the envelope type, ApiError fields. */
const TYPED_USE = `
const code: ErrorCode = "model_not_found";
const error = createError(code);
const status: 404 = createError("model_not_found").status;
const response = toErrorResponse(error);
const envelope: ErrorEnvelope = response.body;
const checked = validateErrorEnvelope(JSON.parse(JSON.stringify(envelope)), { mode: "strict" });
const apiError: ApiError = parseErrorBody({ status: response.status, headers: response.headers, body: JSON.stringify(envelope) });
const back: ErrorCode | null = apiError.code;
const version: string = CONTRACT_VERSION;
export const summary = { status, back, ok: checked.ok, version, apiStatus: apiError.status };
`;

const TYPED_IMPORTS = `import { createError, toErrorResponse } from "@org/error-server";
import { type ApiError, parseErrorBody } from "@org/error-client";
import { validateErrorEnvelope } from "@org/error-validator";
import { CONTRACT_VERSION, type ErrorCode, type ErrorEnvelope } from "@org/error-types";
`;

/**
 * The runtime round trip, in one script per module system: the server turns a contract
 * error into a response, the body goes over the "wire" as JSON text, the validator accepts
 * it in strict mode, and the client turns it back into an ApiError. Prints a JSON summary.
 */
const roundTrip = (load: string) => `${load}
const error = createError("model_not_found");
const response = toErrorResponse(error);
const wire = JSON.stringify(response.body);
const checked = validateErrorEnvelope(JSON.parse(wire), { mode: "strict" });
const apiError = parseErrorBody({ status: response.status, headers: response.headers, body: wire });
console.log(JSON.stringify({
  status: response.status,
  contentType: response.headers["content-type"],
  body: JSON.parse(wire),
  strictValid: checked.ok,
  isApiError: apiError instanceof Error && apiError.name === "ApiError",
  clientCode: apiError.code,
  clientStatus: apiError.status,
  catalogStatus: ERROR_CATALOG["model_not_found"].status,
  contractVersion: CONTRACT_VERSION,
}));
`;

const ESM_LOAD = `import { createError, toErrorResponse } from "@org/error-server";
import { parseErrorBody } from "@org/error-client";
import { validateErrorEnvelope } from "@org/error-validator";
import { CONTRACT_VERSION, ERROR_CATALOG } from "@org/error-types";`;

const CJS_LOAD = `"use strict";
const { createError, toErrorResponse } = require("@org/error-server");
const { parseErrorBody } = require("@org/error-client");
const { validateErrorEnvelope } = require("@org/error-validator");
const { CONTRACT_VERSION, ERROR_CATALOG } = require("@org/error-types");`;

/**
 * An exhaustive `switch` over ErrorCode with a `never` check: adding a code to the contract
 * must make it fail to compile until the new code is handled.
 */
export function exhaustiveSwitch(codes: readonly string[]): string {
  const cases = codes
    .map((c) => `    case ${JSON.stringify(c)}:\n      return ${JSON.stringify(`handled ${c}`)};`)
    .join("\n");
  return `import type { ErrorCode } from "@org/error-types";

export function describeCode(code: ErrorCode): string {
  switch (code) {
${cases}
    default: {
      const unhandled: never = code;
      return unhandled;
    }
  }
}
`;
}

/** Starts the consumer project in `dir`: a package.json and nothing else, as before `npm install`. */
export function initConsumer(dir: string): void {
  mkdirSync(join(dir, "src"), { recursive: true });
  writeFileSync(
    join(dir, "package.json"),
    `${JSON.stringify({ name: "release-e2e-consumer", version: "0.0.0", private: true, description: "A consumer of the published contract packages." }, null, 2)}\n`,
  );
}

/** Writes the consumer's exhaustive switch over `codes`. */
export function writeExhaustive(dir: string, codes: readonly string[]): void {
  writeFileSync(join(dir, "src/exhaustive.mts"), exhaustiveSwitch(codes));
}

/** Writes the consumer's sources and tsconfigs (the exhaustive switch covers `knownCodes`). */
export function writeConsumerSources(dir: string, knownCodes: readonly string[]): void {
  const write = (rel: string, text: string) => writeFileSync(join(dir, rel), text);
  for (const [name, config] of Object.entries(TSCONFIGS))
    write(`tsconfig.${name}.json`, `${JSON.stringify(config, null, 2)}\n`);
  write("src/esm.mts", TYPED_IMPORTS + TYPED_USE);
  write("src/cjs.cts", TYPED_IMPORTS + TYPED_USE);
  write("src/bundler.ts", TYPED_IMPORTS + TYPED_USE);
  write(
    "src/wrong.ts",
    `import type { ErrorCode } from "@org/error-types";
import { createError } from "@org/error-server";
export const misspelled: ErrorCode = "model_not_fund";
export const created = createError("channel:invalid-key");
`,
  );
  writeExhaustive(dir, knownCodes);
  write("src/round-trip.mjs", roundTrip(ESM_LOAD));
  write("src/round-trip.cjs", roundTrip(CJS_LOAD));
}
