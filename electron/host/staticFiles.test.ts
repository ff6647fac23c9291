import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageFile } from './staticFiles';

describe('page files', () => {
  const root = '/opt/app/dist/renderer';
  it('maps paths inside the page folder', () => {
    expect(pageFile(root, '/')).toBe(path.join(root, 'index.html'));
    expect(pageFile(root, '/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(pageFile(root, '/%E4%B8%AD.png')).toBe(path.join(root, '中.png'));
  });
  it('refuses every way out of it', () => {
    for (const p of ['/../case.sqlite', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc/passwd', '/a/../../x', '/%00', '/%E4%B8']) {
      expect(pageFile(root, p), p).toBeNull();
    }
  });
});
