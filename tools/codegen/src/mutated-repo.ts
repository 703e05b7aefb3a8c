import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import {
  type Fact,
  findRepoRoot,
  type JsonObject,
  PACKAGES,
  SCHEMA_DIR,
  SCHEMA_FILES,
  type SchemaName,
} from "@org/contract-model";
import { generateAll } from "./generate.js";
import { writeFiles } from "./write.js";

/** The parsed source schemas of a copy, by role; an edit changes them in place. */
export type SchemaEdit = (schemas: Record<SchemaName, JsonObject>) => void;

/** A throwaway copy of the repository with one schema edit applied and its outputs regenerated. */
export interface MutatedRepo {
  root: string;
  /** A file of the copy, as text (path relative to its root). */
  read: (path: string) => string;
  remove: () => void;
}

const WORKSPACE_DIRS = ["packages", "tools", "examples"];

/**
 * node_modules of the copy: every entry a symlink. A workspace package (`@org/*`) points at
 * the copy's own folder, so a built package of the copy is what its dependents import; every
 * other entry points at the real store.
 */
function linkNodeModules(source: string, root: string, dir: string): void {
  const from = join(source, dir, "node_modules");
  if (!existsSync(from)) return;
  const to = join(root, dir, "node_modules");
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    if (name.startsWith(".") && name !== ".bin") continue;
    const entry = join(from, name);
    if (name.startsWith("@") && !lstatSync(entry).isSymbolicLink()) {
      mkdirSync(join(to, name), { recursive: true });
      for (const scoped of readdirSync(entry)) link(join(entry, scoped), join(to, name, scoped), source, root);
    } else link(entry, join(to, name), source, root);
  }
}

function link(entry: string, at: string, source: string, root: string): void {
  const target = lstatSync(entry).isSymbolicLink() ? resolve(dirname(entry), readlinkSync(entry)) : entry;
  const inside = relative(source, target);
  const workspace = !inside.startsWith("..") && !inside.split(/[\\/]/).includes("node_modules");
  symlinkSync(workspace ? join(root, inside) : target, at);
}

/** Copies tracked and new, not ignored files (no node_modules, no dist), then links node_modules. */
function copyRepo(source: string, root: string): void {
  const list = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "-z"], {
    cwd: source,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  for (const rel of list.split("\0")) {
    const from = join(source, rel);
    if (!rel || !existsSync(from) || !lstatSync(from).isFile()) continue;
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    copyFileSync(from, join(root, rel));
  }
  linkNodeModules(source, root, "");
  for (const group of WORKSPACE_DIRS) {
    if (!existsSync(join(source, group))) continue;
    for (const pkg of readdirSync(join(source, group))) linkNodeModules(source, root, join(group, pkg));
  }
}

/**
 * Copies the repository to a temporary folder, applies `edit` to its parsed schemas/, runs
 * the generator there (with `vocabulary` instead of the contract's table, when given) and
 * builds `build` (default: @org/error-types) with its own tsup. The caller asserts on the
 * copy's generated files or built packages, then calls `remove()`.
 */
export async function mutatedRepo(
  edit: SchemaEdit,
  options: { build?: readonly string[]; source?: string; vocabulary?: Readonly<Record<string, Fact>> } = {},
): Promise<MutatedRepo> {
  const source = options.source ?? findRepoRoot(import.meta.url);
  const root = mkdtempSync(join(tmpdir(), "contract-mutation-"));
  const remove = () => rmSync(root, { recursive: true, force: true });
  try {
    copyRepo(source, root);
    const path = (name: SchemaName) => join(root, SCHEMA_DIR, SCHEMA_FILES[name]);
    const schemas = Object.fromEntries(
      Object.keys(SCHEMA_FILES).map((n) => [n, JSON.parse(readFileSync(path(n as SchemaName), "utf8"))]),
    ) as Record<SchemaName, JsonObject>;
    edit(schemas);
    for (const name of Object.keys(SCHEMA_FILES) as SchemaName[])
      writeFileSync(path(name), `${JSON.stringify(schemas[name], null, 2)}\n`);
    writeFiles(root, await generateAll(root, options.vocabulary ? { vocabulary: options.vocabulary } : {}));
    const dirs = Object.values(PACKAGES);
    for (const name of options.build ?? [PACKAGES.types.name]) {
      const dir = dirs.find((p) => p.name === name)?.dir;
      if (!dir) throw new TypeError(`mutatedRepo: no package ${name} (known: ${dirs.map((p) => p.name).join(", ")})`);
      execFileSync(join(root, dir, "node_modules/.bin/tsup"), { cwd: join(root, dir), stdio: "pipe" });
    }
  } catch (e) {
    remove();
    throw e;
  }
  return { root, read: (p) => readFileSync(join(root, p), "utf8"), remove };
}
