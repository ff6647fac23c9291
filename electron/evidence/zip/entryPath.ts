/**
 * Whether a decoded entry name is a safe path inside the archive. Nothing here writes files, but the name
 * becomes a path in the import report and may become one on disk in someone else's hands (an export, a
 * re-extraction), so names that climb out or are absolute are refused, never "repaired".
 */

export type PathCheck =
  | { ok: true; path: string; isDirectory: boolean }
  | { ok: false; reason: string };

export function checkEntryPath(decodedName: string): PathCheck {
  if (decodedName.includes('\0')) return { ok: false, reason: 'name contains a NUL byte' };
  // Windows tools write backslashes; treat them as separators (after decoding, see entryName.ts).
  const name = decodedName.replace(/\\/gu, '/');
  if (name.startsWith('//')) return { ok: false, reason: 'absolute path (network share)' };
  if (name.startsWith('/')) return { ok: false, reason: 'absolute path' };
  if (/^[a-zA-Z]:/u.test(name)) return { ok: false, reason: 'absolute path (drive letter)' };
  const segments = name.split('/');
  if (segments.includes('..')) return { ok: false, reason: "path leaves the archive (contains a '..' segment)" };
  const isDirectory = name.endsWith('/');
  // './a' and 'a//b' are harmless spellings of 'a' and 'a/b'.
  const kept = segments.filter((segment) => segment !== '' && segment !== '.');
  if (kept.length === 0) return isDirectory ? { ok: true, path: '', isDirectory } : { ok: false, reason: 'empty name' };
  return { ok: true, path: kept.join('/'), isDirectory };
}

/** A refused name as it can be shown in a report: NUL bytes made visible. */
export function printableName(decodedName: string): string {
  return decodedName.replace(/\0/gu, '\\0');
}
