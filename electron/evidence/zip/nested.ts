/**
 * Nested archives are opened by the import, not here: it stores the inner ZIP in the vault first (so the
 * archive as received is hashed evidence) and reads the vault copy with the prefix below.
 */

/** Deepest nesting the import should follow; a ZIP inside a ZIP inside … beyond this is recorded, not opened. */
export const MAX_NESTED_ZIP_DEPTH = 4;

/** By name only; the import confirms with the content (a ZIP starts with `PK\x03\x04`). */
export function isZipName(name: string): boolean {
  return /\.zip$/iu.test(name);
}

/** Prefix for the entries of a ZIP found at `relPath`: `a.zip/b/c.zip` → `a.zip/b/c.zip/`. */
export function nestedZipPrefix(relPath: string): string {
  return relPath.endsWith('/') ? relPath : `${relPath}/`;
}

/** How many archives deep a prefix is: '' → 0, 'a.zip/' → 1, 'a.zip/x/b.zip/' → 2. */
export function zipDepth(prefix: string): number {
  return prefix.split('/').filter((segment) => isZipName(segment)).length;
}
