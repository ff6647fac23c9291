/**
 * The workspace: where the app keeps cases it creates and remembers cases opened from elsewhere.
 * The CLI never needs it: it takes case folders by path.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CaseSummary } from '../../shared/api';
import { isCaseDir, openCaseDb } from './caseDb';
import { summarise } from './caseStore';

export function defaultWorkspace(): string {
  return process.env.FACEAUDIT_HOME ?? path.join(os.homedir(), 'FaceAudit');
}

export class Workspace {
  constructor(readonly root: string) {
    fs.mkdirSync(this.casesDir, { recursive: true });
  }

  get casesDir(): string {
    return path.join(this.root, 'cases');
  }

  private get recentFile(): string {
    return path.join(this.root, 'recent.json');
  }

  /** A new folder for a case, named after its number so a person browsing the disk recognises it. */
  folderFor(caseNumber: string): string {
    const base = caseNumber.replace(/[\\/:*?"<>|\s]+/gu, '_').replace(/^\.+/u, '') || 'case';
    let candidate = path.join(this.casesDir, base);
    for (let i = 2; fs.existsSync(candidate); i++) candidate = path.join(this.casesDir, `${base}-${i}`);
    return candidate;
  }

  remember(caseDir: string): void {
    const recent = new Set(this.readRecent());
    recent.add(path.resolve(caseDir));
    fs.writeFileSync(this.recentFile, JSON.stringify([...recent], null, 2));
  }

  private readRecent(): string[] {
    try {
      const parsed: unknown = JSON.parse(fs.readFileSync(this.recentFile, 'utf8'));
      return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string') : [];
    } catch {
      return [];
    }
  }

  /** Cases in the workspace folder and remembered ones that still exist, newest first. */
  list(): CaseSummary[] {
    const dirs = new Set<string>(this.readRecent());
    for (const entry of fs.readdirSync(this.casesDir, { withFileTypes: true })) {
      if (entry.isDirectory()) dirs.add(path.join(this.casesDir, entry.name));
    }
    const cases: CaseSummary[] = [];
    for (const dir of dirs) {
      if (!isCaseDir(dir)) continue;
      const db = openCaseDb(dir);
      try {
        cases.push(summarise(dir, db));
      } finally {
        db.close();
      }
    }
    return cases.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }
}
