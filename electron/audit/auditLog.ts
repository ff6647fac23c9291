/**
 * The case's audit log: every import, analysis, review decision and export, in order, hash-chained.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import type { CaseDb } from '../store/caseDb';

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  details: unknown;
  prevHash: string;
  hash: string;
}

const GENESIS = '0'.repeat(64);

function entryHash(prevHash: string, at: string, actor: string, action: string, details: string): string {
  return crypto.createHash('sha256').update([prevHash, at, actor, action, details].join('\n')).digest('hex');
}

export function currentActor(): string {
  try {
    return `${os.userInfo().username}@${os.hostname()}`;
  } catch {
    return `unknown@${os.hostname()}`;
  }
}

/** Appends an entry; call it inside the same transaction as the change it records. */
export function appendAudit(db: CaseDb, action: string, details: unknown, actor = currentActor()): void {
  const last = db.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { hash: string } | undefined;
  const prevHash = last?.hash ?? GENESIS;
  const at = new Date().toISOString();
  const json = JSON.stringify(details);
  db.prepare('INSERT INTO audit_log (at, actor, action, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)').run(
    at,
    actor,
    action,
    json,
    prevHash,
    entryHash(prevHash, at, actor, action, json),
  );
}

export function readAudit(db: CaseDb): AuditEntry[] {
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Array<{
    seq: number; at: string; actor: string; action: string; details: string; prev_hash: string; hash: string;
  }>;
  return rows.map((r) => ({
    seq: r.seq, at: r.at, actor: r.actor, action: r.action, details: JSON.parse(r.details), prevHash: r.prev_hash, hash: r.hash,
  }));
}

/** Returns the sequence number of the first entry whose chain is broken, or null when the log is intact. */
export function verifyAuditChain(db: CaseDb): number | null {
  let prev = GENESIS;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as Iterable<{
    seq: number; at: string; actor: string; action: string; details: string; prev_hash: string; hash: string;
  }>) {
    if (row.prev_hash !== prev || entryHash(prev, row.at, row.actor, row.action, row.details) !== row.hash) return row.seq;
    prev = row.hash;
  }
  return null;
}
