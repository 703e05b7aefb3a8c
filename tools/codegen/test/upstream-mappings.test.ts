import { describe, expect, it } from "vitest";
import { readUpstreamFiles, readUpstreamMappings } from "@org/contract-model";
import { loadContract } from "../src/load.js";
import { renderUpstreamMappings } from "../src/targets/upstream-mappings.js";
import * as generated from "../../../packages/error-upstream/src/generated/mappings.js";
import { REPO_ROOT } from "./temp-repo.js";

const read = readUpstreamMappings(readUpstreamFiles(REPO_ROOT), loadContract(REPO_ROOT));

/** Every object reachable from `value`, itself included. */
const objects = (value: unknown): object[] =>
  typeof value === "object" && value !== null ? [value, ...Object.values(value).flatMap(objects)] : [];

describe("the upstream mappings module", () => {
  it("holds exactly what the reader read, by provider, without the reader's file and pointers", () => {
    expect(Object.keys(generated.UPSTREAM_MAPPINGS)).toEqual(read.providers.map((p) => p.provider));
    expect(generated.UPSTREAM_PROVIDERS).toEqual(read.providers.map((p) => p.provider));
    for (const p of read.providers) {
      const { file: _f, rules, ...rest } = p;
      expect(generated.UPSTREAM_MAPPINGS[p.provider as generated.UpstreamProvider]).toEqual({
        ...rest,
        rules: rules.map(({ pointer: _p, ...r }) => r),
      });
    }
    expect(generated.UPSTREAM_DISPOSITIONS).toEqual(read.dispositions.map((d) => d.value));
    expect(generated.UPSTREAM_FAILURE_KINDS).toEqual(read.failures.map((f) => f.value));
  });

  it("is frozen all the way down: no caller can change a rule for everyone else", () => {
    for (const o of objects(generated.UPSTREAM_MAPPINGS)) expect(Object.isFrozen(o)).toBe(true);
    expect(Object.isFrozen(generated.UPSTREAM_PROVIDERS)).toBe(true);
    expect(() => {
      (generated.UPSTREAM_MAPPINGS.generic.rules[0] as { code: string | null }).code = "x";
    }).toThrow(TypeError);
  });

  it("names the command that regenerates it, and keeps descriptions out of comments' way", () => {
    const text = renderUpstreamMappings({
      ...read,
      dispositions: read.dispositions.map((d, i) => (i === 0 ? { ...d, description: "ends */ here" } : d)),
    });
    expect(text).toContain("Run `pnpm generate` to regenerate.");
    expect(text).toContain("ends *\\/ here");
  });
});
