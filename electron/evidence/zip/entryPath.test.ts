import { describe, expect, it } from 'vitest';
import { checkEntryPath, printableName } from './entryPath';

describe('checking entry paths', () => {
  it.each([
    ['../evil.txt', "path leaves the archive (contains a '..' segment)"],
    ['a/../../evil.txt', "path leaves the archive (contains a '..' segment)"],
    ['a\\..\\evil.txt', "path leaves the archive (contains a '..' segment)"],
    ['/etc/passwd', 'absolute path'],
    ['C:\\Windows\\evil.dll', 'absolute path (drive letter)'],
    ['c:evil.txt', 'absolute path (drive letter)'],
    ['\\\\server\\share\\x.txt', 'absolute path (network share)'],
    ['a\0b.txt', 'name contains a NUL byte'],
    ['', 'empty name'],
  ])('refuses %j', (name, reason) => {
    expect(checkEntryPath(name)).toEqual({ ok: false, reason });
  });

  it.each([
    ['抓拍图片/前台/CAM01.jpg', '抓拍图片/前台/CAM01.jpg', false],
    ['抓拍图片\\前台\\CAM01.jpg', '抓拍图片/前台/CAM01.jpg', false],
    ['./a//b.jpg', 'a/b.jpg', false],
    ['..a/b..jpg', '..a/b..jpg', false],
    ['抓拍图片/', '抓拍图片', true],
  ])('accepts %j as %j', (name, path, isDirectory) => {
    expect(checkEntryPath(name)).toEqual({ ok: true, path, isDirectory });
  });

  it('shows NUL bytes in a refused name', () => {
    expect(printableName('a\0b.txt')).toBe('a\\0b.txt');
  });
});
