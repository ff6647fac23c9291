/**
 * The Chromium that prints PDFs outside Electron (CLI, browser host, tests).
 *
 * Order: $FACEAUDIT_CHROMIUM (an explicit choice: if it does not exist that is an error, not a reason to fall
 * back), then /usr/bin/chromium (Debian's), then chromium, chromium-browser, google-chrome on PATH.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../../shared/messages';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(name: string): string[] {
  return (process.env['PATH'] ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .map((dir) => path.join(dir, name));
}

export function findChromium(explicit?: string): string {
  const chosen = explicit ?? process.env['FACEAUDIT_CHROMIUM']?.trim();
  if (chosen) {
    if (isExecutable(chosen)) return chosen;
    throw new UserError('documents.pdf.noChromium', { tried: chosen });
  }
  const candidates = ['/usr/bin/chromium', ...NAMES.flatMap(onPath)];
  const found = candidates.find(isExecutable);
  if (found) return found;
  throw new UserError('documents.pdf.noChromium', { tried: ['FACEAUDIT_CHROMIUM', '/usr/bin/chromium', ...NAMES].join(', ') });
}
