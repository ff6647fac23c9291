/**
 * Mapping a URL path to a file of the built page, for the browser host and the Electron app:// protocol alike.
 * Nothing outside the page's folder can be reached, however the path is spelled.
 */
import path from 'node:path';

export function pageFile(rendererDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const rel = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/u, '');
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, rel);
  return file.startsWith(root + path.sep) ? file : null;
}
