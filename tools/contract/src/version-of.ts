/** The `version` of a package.json text, or `undefined` when there is none (or it is not JSON). */
export function versionOf(packageJsonText: string | undefined): string | undefined {
  if (packageJsonText === undefined) return undefined;
  try {
    const v = (JSON.parse(packageJsonText) as { version?: unknown }).version;
    return typeof v === "string" ? v : undefined;
  } catch {
    return undefined;
  }
}
