/**
 * Reading and replacing one value deep inside the document fields by its path (['issuer', 'name']), so the fields
 * form can bind each input with one line instead of a hand-written update per field. Immutable: a replaced value
 * gives new objects along its path and shares the rest.
 */
export type FieldPath = readonly string[];

export function getIn(value: unknown, path: FieldPath): unknown {
  let at = value;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

export function setIn<T>(value: T, path: FieldPath, next: unknown): T {
  const [head, ...rest] = path;
  if (head === undefined) return next as T;
  const obj = (value ?? {}) as Record<string, unknown>;
  return { ...obj, [head]: setIn(obj[head], rest, next) } as T;
}
