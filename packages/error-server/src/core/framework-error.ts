/**
 * Runs a framework-error mapper, returning the error unchanged if the mapper throws. Why:
 * mappers read fields of whatever was thrown, and a getter or Proxy may throw; the error
 * then goes on to become the generic 500 instead of escaping the error handler.
 */
export function mapSafely(map: (error: unknown) => unknown, error: unknown): unknown {
  try {
    return map(error);
  } catch {
    return error;
  }
}
