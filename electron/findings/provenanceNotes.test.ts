/** Every provenance note the services send has its Chinese translation in the UI dictionary. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROVENANCE_NOTES_ZH } from '../../shared/findingsApi';

describe('provenance notes', () => {
  it('are all translated for the Chinese UI', () => {
    const dir = path.dirname(new URL(import.meta.url).pathname);
    const notes = fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .flatMap((f) => [...fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/note: ('(?:[^'\\]|\\.)*'|"[^"]*")/gu)].map((m) => m[1]!))
      .map((literal) => (literal.startsWith('"') ? literal.slice(1, -1) : literal.slice(1, -1).replaceAll("\\'", "'")));
    expect(notes.length).toBeGreaterThan(15);
    for (const note of notes) expect(PROVENANCE_NOTES_ZH[note], note).toBeDefined();
  });
});
