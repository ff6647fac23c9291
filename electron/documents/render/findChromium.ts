/**
 * The Chromium that prints PDFs outside Electron (CLI, browser host, tests).
 *
 * Order: $FACEAUDIT_CHROMIUM (an explicit choice: if it does not exist that is an error, not a reason to fall
 * back), then /usr/bin/chromium (Debian's), then chromium, chromium-browser, google-chrome on PATH.
 */
import { UserError } from '../../../shared/messages';
import { executablesOnPath, isExecutable } from '../../system/executables';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];



export function findChromium(explicit?: string): string {
  const chosen = explicit ?? process.env['FACEAUDIT_CHROMIUM']?.trim();
  if (chosen) {
    if (isExecutable(chosen)) return chosen;
    throw new UserError('documents.pdf.noChromium', { tried: chosen });
  }
  const candidates = ['/usr/bin/chromium', ...NAMES.flatMap(executablesOnPath)];
  const found = candidates.find(isExecutable);
  if (found) return found;
  throw new UserError('documents.pdf.noChromium', { tried: ['FACEAUDIT_CHROMIUM', '/usr/bin/chromium', ...NAMES].join(', ') });
}
