import { describe } from "../describe.js";
import type { ValidationIssue } from "../issue.js";
import type { Slot, TemplateNode } from "./template.js";

/** A member as found in a body: its value and where it was. */
export interface Found {
  value: unknown;
  path: string;
}

/** What a body holds, read by its dialect's template: its members, the spread members' parts, the status. */
export interface Reading {
  members: Map<string, Found>;
  /** Spread members' parts by member, each part by its own name (`status`, not `upstream_status`). */
  parts: Map<string, Map<string, Found>>;
  status: Found | undefined;
}

const segment = (key: string): string => key.replace(/~/g, "~0").replace(/\//g, "~1");
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Thrown inside the walk with the first problem; caught by `readBody`. */
class Stop extends Error {
  constructor(readonly issue: ValidationIssue) {
    super(issue.message);
  }
}
function stop(path: string, keyword: string, message: string): never {
  throw new Stop({ path, keyword, message });
}

const mandatory = (slot: Slot, required: ReadonlySet<string>): boolean =>
  slot.kind === "node" ? slot.node.required : slot.kind === "member" ? required.has(slot.member) : true;

function readSlot(slot: Slot, value: unknown, path: string, out: Reading, required: ReadonlySet<string>): void {
  switch (slot.kind) {
    case "const":
      if (value !== slot.value) stop(path, "const", `must be ${describe(slot.value)}, got ${describe(value)}`);
      return;
    case "status":
      if (typeof value !== "number" || !Number.isInteger(value) || value < 400 || value > 599)
        stop(path, "type", `must be the HTTP status, an integer from 400 to 599, got ${describe(value)}`);
      out.status = { value, path };
      return;
    case "member":
      out.members.set(slot.member, { value, path });
      return;
    case "node":
      readNode(slot.node, value, path, out, required);
  }
}

function readNode(node: TemplateNode, value: unknown, path: string, out: Reading, required: ReadonlySet<string>): void {
  if (node.array ? !Array.isArray(value) : !isRecord(value))
    stop(path, "type", `must be ${node.array ? "an array" : "an object"}, got ${describe(value)}`);
  const data = value as Record<string, unknown>;
  for (const key of Object.keys(data)) {
    const slot = node.slots.get(key);
    const at = `${path}/${segment(key)}`;
    if (slot !== undefined) readSlot(slot, data[key], at, out, required);
    else {
      const spread = node.spreads.find((s) => key.startsWith(s.prefix) && key.length > s.prefix.length);
      if (spread === undefined)
        stop(
          at,
          node.array ? "maxItems" : "additionalProperties",
          `${describe(key)} is no member of this dialect's body`,
        );
      let parts = out.parts.get(spread.member);
      if (parts === undefined) out.parts.set(spread.member, (parts = new Map()));
      parts.set(key.slice(spread.prefix.length), { value: data[key], path: at });
    }
  }
  for (const [key, slot] of node.slots)
    if (!Object.hasOwn(data, key) && mandatory(slot, required))
      stop(`${path}/${segment(key)}`, "required", `is required in this dialect's body`);
}

/** Reads `body` (plain JSON data) by its dialect's template; the first problem of its shape, or what it holds. */
export function readBody(
  template: TemplateNode,
  body: unknown,
  required: ReadonlySet<string>,
): { ok: true; reading: Reading } | { ok: false; issue: ValidationIssue } {
  const reading: Reading = { members: new Map(), parts: new Map(), status: undefined };
  try {
    readNode(template, body, "", reading, required);
    return { ok: true, reading };
  } catch (e) {
    if (e instanceof Stop) return { ok: false, issue: e.issue };
    throw e;
  }
}
