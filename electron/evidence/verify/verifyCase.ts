/**
 * `faceaudit verify`: proof that nothing was altered or lost. Every vault file is hashed again and compared with
 * the hash it is named by; the originals that can still be reached (the seized folder or archive at the path it
 * was imported from) are hashed again and compared with what was recorded at import; the audit log's chain is
 * checked. Nothing is changed, repaired or deleted: the report says what is wrong, and the check is audited.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { VerifyReport } from '../../../shared/api';
import { UserError } from '../../../shared/messages';
import { appendAudit, verifyAuditChain } from '../../audit/auditLog';
import { VAULT_DIR } from '../../store/caseDb';
import { openCase } from '../../store/caseStore';
import { vaultFile } from '../vault';

export interface VerifyProgress {
  phase: 'vault' | 'originals';
  done: number;
  total: number;
  bytesDone: number;
  bytesTotal: number;
}

const PARALLEL = 4;

async function hashFile(file: string): Promise<string | null> {
  const hash = crypto.createHash('sha256');
  try {
    await pipeline(fs.createReadStream(file), hash);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return hash.digest('hex');
}

async function eachInParallel<T>(items: readonly T[], signal: AbortSignal | undefined, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      if (signal?.aborted) throw new UserError('verify.cancelled');
      await fn(items[next++]!);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
}

/** Files in the vault folder that no blob row names. */
async function unreferencedVaultFiles(caseDir: string, known: Set<string>): Promise<string[]> {
  const root = path.join(caseDir, VAULT_DIR);
  const found: string[] = [];
  for (const prefix of await fs.promises.readdir(root).catch(() => [] as string[])) {
    if (!/^[0-9a-f]{2}$/u.test(prefix)) continue;
    for (const name of await fs.promises.readdir(path.join(root, prefix))) if (!known.has(name)) found.push(name);
  }
  return found.sort();
}

export async function verifyCase(
  caseDir: string,
  options: { signal?: AbortSignal; onProgress?: (p: VerifyProgress) => void; originals?: boolean } = {},
): Promise<VerifyReport> {
  const dir = path.resolve(caseDir);
  const db = openCase(dir);
  try {
    const blobs = db.prepare('SELECT sha256, size FROM blobs ORDER BY sha256').all() as Array<{ sha256: string; size: number }>;
    const report: VerifyReport = {
      checkedAt: new Date().toISOString(), ok: true,
      vault: { files: blobs.length, bytes: 0, missing: [], mismatched: [], writable: [], unreferenced: [] },
      originals: [], audit: { entries: 0, brokenAt: null },
    };
    const firstPath = db.prepare('SELECT rel_path FROM source_files WHERE sha256 = ? LIMIT 1');
    const where = (sha: string) => (firstPath.get(sha) as { rel_path: string } | undefined)?.rel_path ?? sha;
    const bytesTotal = blobs.reduce((n, b) => n + b.size, 0);
    let done = 0;
    await eachInParallel(blobs, options.signal, async (blob) => {
      const file = vaultFile(dir, blob.sha256);
      const actual = await hashFile(file);
      if (actual === null) report.vault.missing.push({ path: where(blob.sha256), sha256: blob.sha256, problem: 'missing from the vault' });
      else if (actual !== blob.sha256) report.vault.mismatched.push({ path: where(blob.sha256), sha256: blob.sha256, problem: `content changed: now hashes to ${actual}` });
      else if ((await fs.promises.stat(file)).mode & 0o222) report.vault.writable.push({ path: where(blob.sha256), sha256: blob.sha256, problem: 'vault copy is writable (should be read-only)' });
      report.vault.bytes += blob.size;
      options.onProgress?.({ phase: 'vault', done: ++done, total: blobs.length, bytesDone: report.vault.bytes, bytesTotal });
    });
    const staged = new Set((db.prepare("SELECT DISTINCT f.sha256 FROM import_job_files f").all() as Array<{ sha256: string }>).map((r) => r.sha256));
    report.vault.unreferenced = (await unreferencedVaultFiles(dir, new Set(blobs.map((b) => b.sha256)))).map((sha) => ({
      path: sha, sha256: sha,
      problem: staged.has(sha) ? 'stored by an import that has not finished (running or interrupted): run the same import again to resume it' : 'not part of any source',
    }));

    if (options.originals !== false) report.originals = await verifyOriginals(db, options);

    const broken = verifyAuditChain(db);
    report.audit = { entries: (db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n, brokenAt: broken };
    for (const list of [report.vault.missing, report.vault.mismatched]) list.sort((a, b) => a.path.localeCompare(b.path));
    report.ok =
      report.vault.missing.length === 0 && report.vault.mismatched.length === 0 && broken === null &&
      report.originals.every((o) => o.missing.length === 0 && o.mismatched.length === 0);
    db.transaction(() =>
      appendAudit(db, 'verify', {
        ok: report.ok, vaultFiles: report.vault.files, missing: report.vault.missing.length, mismatched: report.vault.mismatched.length,
        writable: report.vault.writable.length, unreferenced: report.vault.unreferenced.length,
        originals: report.originals.map((o) => ({ sourceId: o.sourceId, reachable: o.reachable, checked: o.filesChecked, missing: o.missing.length, mismatched: o.mismatched.length })),
        auditBrokenAt: broken,
      }),
    )();
    return report;
  } finally {
    db.close();
  }
}

/**
 * The originals: a folder's files at the path they were imported from; a ZIP or single file by its hash as
 * received. An original that is no longer there (a seized disk returned, a USB stick removed) is reported as
 * not reachable, not as a failure: the vault copy is the evidence.
 */
async function verifyOriginals(db: ReturnType<typeof openCase>, options: { signal?: AbortSignal; onProgress?: (p: VerifyProgress) => void }): Promise<VerifyReport['originals']> {
  const sources = db.prepare('SELECT id, kind, original_path AS path, received_sha256 AS received FROM sources ORDER BY id').all() as Array<{
    id: number; kind: string; path: string; received: string | null;
  }>;
  const results: VerifyReport['originals'] = [];
  for (const source of sources) {
    const entry: VerifyReport['originals'][number] = { sourceId: source.id, path: source.path, reachable: fs.existsSync(source.path), filesChecked: 0, missing: [], mismatched: [] };
    results.push(entry);
    if (!entry.reachable) continue;
    if (source.kind !== 'folder') {
      const actual = await hashFile(source.path);
      entry.filesChecked = 1;
      if (actual !== source.received) entry.mismatched.push({ path: source.path, sha256: source.received, problem: `the file now hashes to ${actual ?? '(unreadable)'}` });
      continue;
    }
    const files = db.prepare('SELECT rel_path AS relPath, sha256, size FROM source_files WHERE source_id = ? AND container IS NULL ORDER BY rel_path').all(source.id) as Array<{
      relPath: string; sha256: string; size: number;
    }>;
    const bytesTotal = files.reduce((n, f) => n + f.size, 0);
    let bytesDone = 0;
    await eachInParallel(files, options.signal, async (file) => {
      const actual = await hashFile(path.join(source.path, ...file.relPath.split('/')));
      if (actual === null) entry.missing.push({ path: file.relPath, sha256: file.sha256, problem: 'no longer in the original folder' });
      else if (actual !== file.sha256) entry.mismatched.push({ path: file.relPath, sha256: file.sha256, problem: `the original now hashes to ${actual}` });
      entry.filesChecked++;
      bytesDone += file.size;
      options.onProgress?.({ phase: 'originals', done: entry.filesChecked, total: files.length, bytesDone, bytesTotal });
    });
    entry.missing.sort((a, b) => a.path.localeCompare(b.path));
    entry.mismatched.sort((a, b) => a.path.localeCompare(b.path));
  }
  return results;
}
