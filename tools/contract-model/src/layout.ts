/**
 * The packages of the repository that the tools read or release, by role: one list, so
 * codegen, the contract diff, the bench and the release test agree on names and paths.
 */
export const PACKAGES = {
  types: { name: "@org/error-types", dir: "packages/error-types" },
  validator: { name: "@org/error-validator", dir: "packages/error-validator" },
  server: { name: "@org/error-server", dir: "packages/error-server" },
  client: { name: "@org/error-client", dir: "packages/error-client" },
  upstream: { name: "@org/error-upstream", dir: "packages/error-upstream" },
} as const;

/** The published packages, released together at one version. */
export const PUBLIC_PACKAGES = [
  PACKAGES.types,
  PACKAGES.validator,
  PACKAGES.server,
  PACKAGES.client,
  PACKAGES.upstream,
] as const;

/** The package whose version is the contract's version. */
export const CONTRACT_PACKAGE = PACKAGES.types;

/** Its package.json, relative to the repository root. */
export const TYPES_PACKAGE_JSON = `${PACKAGES.types.dir}/package.json`;
