import { type Dialect, type DialectEntry, DIALECTS } from "@org/error-types";

/** What sits at one place of a dialect's body, as its rules (`DIALECTS`) say. */
export type Slot =
  | { kind: "const"; value: string }
  | { kind: "member"; member: string }
  | { kind: "status" }
  | { kind: "node"; node: TemplateNode };

/**
 * One object or array of a dialect's body: its places by key, and (for an object that holds
 * a spread member) the prefixes of the members written into it as strings.
 */
export interface TemplateNode {
  array: boolean;
  slots: Map<string, Slot>;
  spreads: Array<{ member: string; prefix: string }>;
  /** Whether a body must have it: it holds a constant, the status, or a member every body has. */
  required: boolean;
}

/** The members every body has, whatever the dialect (the envelope requires them; code only where a codeless body writes null). */
const requiredMembers = (d: DialectEntry): string[] =>
  d.codeless === "null" ? ["message", "type", "code"] : ["message", "type"];

const keysOf = (pointer: string): string[] =>
  pointer
    .slice(1)
    .split("/")
    .map((k) => k.replace(/~1/g, "/").replace(/~0/g, "~"));

const newNode = (array: boolean): TemplateNode => ({ array, slots: new Map(), spreads: [], required: false });

/** The node at `keys` under `root`, created on the way (a numeric key makes its parent an array). */
function nodeAt(root: TemplateNode, keys: readonly string[], required: boolean): TemplateNode {
  let node = root;
  if (required) node.required = true;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    let slot = node.slots.get(key);
    if (slot === undefined) {
      slot = { kind: "node", node: newNode(/^\d+$/.test(keys[i + 1] ?? "")) };
      node.slots.set(key, slot);
    }
    // The reader of the schemas refuses overlapping places, so a path never runs through a leaf.
    if (slot.kind !== "node") throw new TypeError(`dialect template: ${keys.join("/")} runs through a leaf`);
    node = slot.node;
    if (required) node.required = true;
  }
  return node;
}

function place(root: TemplateNode, pointer: string, slot: Slot, required: boolean): void {
  const keys = keysOf(pointer);
  const last = keys.pop() as string;
  nodeAt(root, keys, required).slots.set(last, slot);
}

function build(d: DialectEntry): TemplateNode {
  const root = newNode(false);
  root.required = true;
  const must = requiredMembers(d);
  for (const [pointer, value] of Object.entries(d.constants)) place(root, pointer, { kind: "const", value }, true);
  if (d.statusMember !== null) place(root, d.statusMember, { kind: "status" }, true);
  for (const [member, pointer] of Object.entries(d.members)) {
    const prefix = (d.spread as Record<string, string | undefined>)[member];
    if (prefix === undefined) place(root, pointer, { kind: "member", member }, must.includes(member));
    else nodeAt(root, keysOf(pointer), false).spreads.push({ member, prefix });
  }
  return root;
}

const TEMPLATES = new Map<Dialect, TemplateNode>();

/** The body template of a dialect, built once from `DIALECTS`. */
export function templateOf(dialect: Dialect): TemplateNode {
  let template = TEMPLATES.get(dialect);
  if (template === undefined) TEMPLATES.set(dialect, (template = build(DIALECTS[dialect])));
  return template;
}
