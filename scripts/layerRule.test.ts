// The layer rule must actually bite: each forbidden import, in a file of each room, is an error.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** The lines with a forbidden import (one import may break the rule in two ways; it is one offence). */
async function layerErrors(filePath: string, code: string): Promise<number[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const lines = (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.line);
  return [...new Set(lines)];
}

describe('layer rule', () => {
  it('forbids electron in the services', async () => {
    expect(await layerErrors('electron/store/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
  });
  it('allows electron in the shell', async () => {
    expect(await layerErrors('electron/shell/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(0);
  });
  it('forbids the page from importing the services, Node or electron', async () => {
    const code = [
      "import { openCase } from '../../electron/store/caseStore';",
      "import fs from 'node:fs';",
      "import { ipcRenderer } from 'electron';",
      'export const a = [openCase, fs, ipcRenderer];',
    ].join('\n');
    expect(await layerErrors('renderer/src/x.ts', code)).toHaveLength(3);
  });
  it('lets the page import shared/', async () => {
    expect(await layerErrors('renderer/src/x.ts', "import { apiContract } from '../../shared/api';\nexport const a = apiContract;\n")).toHaveLength(0);
  });
  it('keeps shared/ pure', async () => {
    const code = "import fs from 'node:fs';\nimport { openCase } from '../electron/store/caseStore';\nexport const a = [fs, openCase];\n";
    expect(await layerErrors('shared/x.ts', code)).toHaveLength(2);
  });
  it('forbids services from importing the page or the shell', async () => {
    const code = "import { App } from '../../renderer/src/App';\nimport { CHANNELS } from '../shell/channels';\nexport const a = [App, CHANNELS];\n";
    expect(await layerErrors('electron/evidence/x.ts', code)).toHaveLength(2);
  });
});
