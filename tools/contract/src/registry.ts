import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ContractToolError } from "./contract-tool-error.js";
import { SCHEMA_DIR } from "./schema-set.js";

/** `<package>@<version>`, e.g. `@org/error-types@1.0.0`. */
export interface PackageSpec {
  name: string;
  version: string;
}

const SPEC = /^((?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*)@(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/;

/** Parses `<package>@<exact version>`; `undefined` for anything else (ranges and tags are not a baseline). */
export function parsePackageSpec(text: string): PackageSpec | undefined {
  const m = SPEC.exec(text.trim());
  return m ? { name: m[1] as string, version: m[2] as string } : undefined;
}

/**
 * The schemas inside a published version of the contract package, by path relative to the
 * repository root (`schemas/error-code.schema.json`). `npm pack` fetches the tarball from the
 * registry npm is configured with (.npmrc, `npm_config_registry`), so no registry is named here.
 */
export function fetchPublishedSchemas(root: string, spec: PackageSpec, timeoutMs = 60_000): Map<string, string> {
  const dir = mkdtempSync(join(tmpdir(), "contract-base-"));
  try {
    const packed = spawnSync(
      "npm",
      ["pack", `${spec.name}@${spec.version}`, "--json", "--ignore-scripts", "--pack-destination", dir],
      {
        cwd: root,
        encoding: "utf8",
        timeout: timeoutMs,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    if (packed.error || packed.status !== 0) {
      const why =
        packed.error?.message ?? (packed.stderr.split("\n").find((l) => /ERR!|error/i.test(l)) ?? packed.stderr).trim();
      throw new ContractToolError(
        `cannot fetch ${spec.name}@${spec.version} from the configured registry (npm pack): ${why || `exit ${packed.status}`}`,
      );
    }
    const tarball = readdirSync(dir).find((f) => f.endsWith(".tgz"));
    if (!tarball) throw new ContractToolError(`npm pack ${spec.name}@${spec.version} wrote no tarball`);
    const untar = spawnSync("tar", ["-xzf", join(dir, tarball), "-C", dir], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    if (untar.status !== 0) throw new ContractToolError(`cannot extract ${tarball}: ${untar.stderr.trim()}`);
    const files = new Map<string, string>();
    let names: string[] = [];
    try {
      names = readdirSync(join(dir, "package", SCHEMA_DIR));
    } catch {
      throw new ContractToolError(
        `${spec.name}@${spec.version} has no ${SCHEMA_DIR}/ folder: it is not a contract package (or predates publishing its schemas)`,
      );
    }
    for (const name of names)
      if (name.endsWith(".json"))
        files.set(`${SCHEMA_DIR}/${name}`, readFileSync(join(dir, "package", SCHEMA_DIR, name), "utf8"));
    return files;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
