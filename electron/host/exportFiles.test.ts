import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { attachmentHeader, exportFile } from './exportFiles';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'faceaudit-exportfiles-'));
const caseDir = path.join(root, 'case');
fs.mkdirSync(path.join(caseDir, 'exports', 'sub'), { recursive: true });
fs.writeFileSync(path.join(caseDir, 'case.sqlite'), '');
fs.writeFileSync(path.join(caseDir, 'exports', '行政处罚决定书-20261123T060102Z.pdf'), '%PDF-1.4');
fs.writeFileSync(path.join(caseDir, 'secret.txt'), 'not an export');
fs.symlinkSync(path.join(caseDir, 'secret.txt'), path.join(caseDir, 'exports', 'link.pdf'));
const notACase = path.join(root, 'plain');
fs.mkdirSync(path.join(notACase, 'exports'), { recursive: true });
fs.writeFileSync(path.join(notACase, 'exports', 'a.pdf'), 'x');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('exported files for download', () => {
  it('gives a file right inside the case’s exports folder, with its content type', () => {
    const found = exportFile(caseDir, '行政处罚决定书-20261123T060102Z.pdf');
    expect(found).toEqual({
      file: path.join(caseDir, 'exports', '行政处罚决定书-20261123T060102Z.pdf'),
      name: '行政处罚决定书-20261123T060102Z.pdf',
      contentType: 'application/pdf',
    });
  });

  it('refuses names with a path, dot files, folders, links, missing files and folders that are not cases', () => {
    expect(exportFile(caseDir, '../secret.txt')).toBeNull();
    expect(exportFile(caseDir, '..')).toBeNull();
    expect(exportFile(caseDir, 'sub')).toBeNull();
    expect(exportFile(caseDir, 'link.pdf')).toBeNull();
    expect(exportFile(caseDir, 'missing.pdf')).toBeNull();
    expect(exportFile(caseDir, 'a\\b.pdf')).toBeNull();
    expect(exportFile(caseDir, '')).toBeNull();
    expect(exportFile(notACase, 'a.pdf')).toBeNull();
  });

  it('names the download in UTF-8 with an ASCII stand-in', () => {
    expect(attachmentHeader('决定书 "1".pdf')).toBe(`attachment; filename="___ _1_.pdf"; filename*=UTF-8''${encodeURIComponent('决定书 "1".pdf')}`);
  });
});
