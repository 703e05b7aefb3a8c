import { fileURLToPath } from "node:url";
import { AJV_OPTIONS } from "../validation/ajv-peers.js";

const peer = (file: string): string => JSON.stringify(fileURLToPath(new URL(`./peers/${file}`, import.meta.url)));

/** One browser bundle to measure: its entry source, and a check that the bundle works. */
export interface BundleEntry {
  id: string;
  label: string;
  source: string;
  /** Workspace packages whose built dist the entry needs (checked first, for a clear skip reason). */
  requires: string[];
  /** Runs against the bundle's exports; throws when the bundle does not do its job. */
  smoke: (exports: Record<string, unknown>) => Promise<void>;
}

type Fn = (...args: unknown[]) => unknown;
const fn = (exports: Record<string, unknown>, name: string): Fn => {
  const f = exports[name];
  if (typeof f !== "function") throw new Error(`the bundle does not export ${name}`);
  return f as Fn;
};
const fail = (what: string): never => {
  throw new Error(`smoke test failed: ${what}`);
};

const VALID = {
  error: {
    message: "The model `gpt-9` does not exist",
    type: "not_found_error",
    code: "model_not_found",
    param: "model",
  },
};
const INVALID = { error: { message: 42, type: "not_found_error", code: "model_not_found" } };

/** parseErrorResponse + isRetryable: a 404 contract error is not retryable, a 503 get_channel_failed is. */
async function clientSmoke(exports: Record<string, unknown>): Promise<void> {
  const parse = fn(exports, "parseErrorResponse");
  const retryable = fn(exports, "isRetryable");
  const respond = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  const notFound = (await parse(respond(404, VALID))) as { code?: unknown; status?: unknown };
  if (notFound.code !== "model_not_found" || notFound.status !== 404 || retryable(notFound) !== false)
    fail("404 model_not_found");
  const busy = await parse(
    respond(503, { error: { message: "busy", type: "upstream_error", code: "get_channel_failed" } }),
  );
  if (retryable(busy) !== true) fail("503 get_channel_failed should be retryable");
  const html = (await parse(new Response("<html><body><h1>502 Bad Gateway</h1></body></html>", { status: 502 }))) as {
    code?: unknown;
  };
  if (html.code !== null || retryable(html) !== true) fail("502 HTML page");
}

/** The bundles of part 3, (a) to (d), plus zod/mini as the smallest zod variant of (c). */
export function bundleEntries(ajvSchema: unknown): BundleEntry[] {
  return [
    {
      id: "a",
      label: "(a) @org/error-validator validateErrorEnvelope",
      source: `export { validateErrorEnvelope } from "@org/error-validator";\n`,
      requires: ["@org/error-validator"],
      smoke: async (e) => {
        const validate = fn(e, "validateErrorEnvelope");
        if (
          (validate(VALID, { mode: "strict" }) as { ok: boolean }).ok !== true ||
          (validate(INVALID) as { ok: boolean }).ok !== false
        )
          fail("validateErrorEnvelope");
      },
    },
    {
      id: "b",
      label: "(b) @org/error-client parseErrorResponse + isRetryable",
      source: `export { parseErrorResponse, isRetryable } from "@org/error-client";\n`,
      requires: ["@org/error-client"],
      smoke: clientSmoke,
    },
    {
      id: "c",
      label: "(c) zod 4 + hand-rolled parse (same job as b)",
      source: `import { createParseErrorResponse, isRetryable } from ${peer("hand-client.ts")};\nimport { checkWithZod } from ${peer("zod-envelope.ts")};\nexport const parseErrorResponse = createParseErrorResponse(checkWithZod);\nexport { isRetryable };\n`,
      requires: [],
      smoke: clientSmoke,
    },
    {
      id: "c-mini",
      label: "(c') zod/mini + hand-rolled parse (same job as b)",
      source: `import { createParseErrorResponse, isRetryable } from ${peer("hand-client.ts")};\nimport { checkWithZodMini } from ${peer("zod-mini-envelope.ts")};\nexport const parseErrorResponse = createParseErrorResponse(checkWithZodMini);\nexport { isRetryable };\n`,
      requires: [],
      smoke: clientSmoke,
    },
    {
      id: "d",
      label: "(d) ajv + the schema compiled in the browser",
      source: `import Ajv from "ajv";\nconst ajv = new Ajv(${JSON.stringify({ ...AJV_OPTIONS, logger: false })});\nexport const validate = ajv.compile(${JSON.stringify(ajvSchema)});\n`,
      requires: [],
      smoke: async (e) => {
        const validate = fn(e, "validate");
        if (validate(VALID) !== true || validate(INVALID) !== false) fail("ajv validate");
      },
    },
  ];
}
