import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nodeHeader } from "../src/adapters/node/response.js";
import { resolveRequestId } from "../src/core/request-id.js";
import { sanitizeRequestId } from "../src/core/headers.js";

// Issue 21, defect 7, as a class: node (raw header lines, the first taken) and fetch
// (`Headers.get`, lines joined with ", ") must resolve the same request id for any header
// lines a client or proxy sends, in any configured order. Fixed seed; fails when the
// resolver reads headers differently on the two runtimes (checked by removing the ", " cut)
// or lets an invalid value hide a valid one (checked by returning after the first header).
const NAMES = ["x-request-id", "x-oneapi-request-id", "x-correlation-id"] as const;
// Visible ASCII, spaces and commas: what survives both runtimes' header checks.
const value = fc.oneof(
  fc.stringMatching(/^[\x21-\x7e]{1,12}$/),
  fc.stringMatching(/^[a-z0-9, -]{0,12}$/),
  fc.constantFrom("req-1", "a,b", "a, b", "", " ", "x".repeat(201)),
);
const lines = fc.array(fc.tuple(fc.constantFrom(...NAMES), value), { maxLength: 6 });
const order = fc.shuffledSubarray([...NAMES], { minLength: 1 });

describe("request-id resolution, node vs fetch", () => {
  it("the same id from the same header lines, for any configured names (seed 2100007)", () => {
    fc.assert(
      fc.property(lines, order, (sent, names) => {
        const rawHeaders = sent.flatMap(([name, v]) => [name, v.trim()]);
        const headers = new Headers();
        for (const [name, v] of sent) headers.append(name, v);
        const fromNode = resolveRequestId(names, (name) => nodeHeader({ rawHeaders }, name));
        const fromFetch = resolveRequestId(names, (name) => headers.get(name));
        expect(fromFetch).toBe(fromNode);
        // The id is valid, and comes from a configured header's first line, the first such header in order.
        if (fromNode !== undefined) expect(sanitizeRequestId(fromNode)).toBe(fromNode);
        const firstValid = names
          .map((name) => sent.find(([n]) => n === name)?.[1].trim())
          .map((v) => (v === undefined ? undefined : sanitizeRequestId(v.split(", ", 1)[0])))
          .find((id) => id !== undefined);
        expect(fromNode).toBe(firstValid);
      }),
      { seed: 2_100_007, numRuns: 300 },
    );
  });
});
