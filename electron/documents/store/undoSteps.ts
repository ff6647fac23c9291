/**
 * Undo over a version history (a document's sections, the case's fields), the same rule for both. Each version has
 * its content (compared as JSON), the number of the change that wrote it (counted across both histories) and, for
 * an undo, the version whose content it brought back.
 */
export interface VersionStep {
  version: number;
  change: number;
  restores: number | null;
  content: string;
}

/**
 * The version an undo brings back: the latest one before the version the current content came from whose content
 * differs from the current one (an undo's content came from the version it restored, so undoing again steps
 * further back; versions that changed nothing here — signing, a save of the other history — are stepped over).
 * `steps` newest first, the current version first. Null when there is none.
 */
export function undoTarget(steps: readonly VersionStep[]): number | null {
  const current = steps[0];
  if (!current) return null;
  const base = current.restores ?? current.version;
  return steps.find((s) => s.version < base && s.content !== current.content)?.version ?? null;
}

/**
 * The change that made the current content what it is: the oldest of the versions just before it with the same
 * content (a sign or a save of the other history does not make it newer), followed through an undo to the change
 * it brought back. What an undo compares to step back the newest change first.
 */
export function contentOrigin(steps: readonly VersionStep[], from?: number): number {
  let i = from === undefined ? 0 : steps.findIndex((s) => s.version === from);
  if (i < 0 || !steps[i]) return 0;
  while (steps[i + 1] && steps[i + 1]!.content === steps[i]!.content) i++;
  const step = steps[i]!;
  return step.restores !== null && step.restores < step.version ? contentOrigin(steps, step.restores) : step.change;
}
