/**
 * The fontconfig mapping users install for LibreOffice (`faceaudit fonts-conf`), checked the way fontconfig reads it:
 * the CLI's snippet included after the system configuration, then fc-match on each official name. Without the
 * snippet fontconfig sets 仿宋 and 小标宋 in its sans-serif (the first assertion shows the fault it fixes).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main';

/** fc-match's pattern syntax reads '-' as the start of a size (FZXiaoBiaoSong-B05S), so names escape it. */
function fcMatch(name: string, fontsConf?: string): string {
  const pattern = `${name.replace(/[-:,\\]/gu, (c) => `\\${c}`)}:lang=zh-cn`;
  const env = fontsConf ? { ...process.env, FONTCONFIG_FILE: fontsConf } : process.env;
  const result = spawnSync('fc-match', ['-f', '%{family[0]}|%{weight}', pattern], { encoding: 'utf8', env });
  if (result.status !== 0) throw new Error(`fc-match failed (fontconfig installed?): ${result.stderr}`);
  return result.stdout.trim();
}

describe('faceaudit fonts-conf', () => {
  it('maps every official document font to the open CJK font of its kind', async () => {
    const lines: string[] = [];
    expect(await runCli(['fonts-conf'], (l) => lines.push(l))).toBe(0);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faceaudit-fontsconf-'));
    const snippet = path.join(dir, '60-faceaudit-official-fonts.conf');
    fs.writeFileSync(snippet, lines.join('\n'));
    const wrapper = path.join(dir, 'fonts.conf');
    fs.writeFileSync(wrapper, `<?xml version="1.0"?>\n<fontconfig>\n  <include>/etc/fonts/fonts.conf</include>\n  <include>${snippet}</include>\n</fontconfig>\n`);

    expect(fcMatch('FangSong_GB2312')).not.toMatch(/^Noto Serif CJK/u);
    for (const name of ['FangSong_GB2312', '仿宋_GB2312', 'FangSong', '仿宋', 'SimSun']) {
      expect(fcMatch(name, wrapper), name).toMatch(/^Noto Serif CJK SC\|/u);
    }
    for (const name of ['FZXiaoBiaoSong-B05S', '方正小标宋简体']) {
      // fontconfig's weight scale: 200 is bold.
      expect(fcMatch(name, wrapper), name).toBe('Noto Serif CJK SC|200');
    }
    for (const name of ['SimHei', '黑体']) expect(fcMatch(name, wrapper), name).toMatch(/^Noto Sans CJK SC\|/u);
    for (const name of ['KaiTi_GB2312', '楷体_GB2312', 'KaiTi', '楷体']) {
      expect(fcMatch(name, wrapper), name).toMatch(/^AR PL UKai CN\|/u);
    }
  });
});
