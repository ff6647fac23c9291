/**
 * The case's evidence vault: every file ever imported, named by its SHA-256 and never written again.
 *
 * A file is hashed while it is copied, so the stored bytes are exactly the bytes that were hashed (hashing
 * first and copying after would leave a window in which the original could change unseen).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { type Readable, Transform } from 'node:stream';
import { VAULT_DIR } from '../store/caseDb';

export interface IngestedFile {
  sha256: string;
  size: number;
  /** The first bytes, for telling what the file really is. */
  head: Buffer;
  /** The last bytes, for telling a complete image from a truncated one. */
  tail: Buffer;
  /** True when this call put the content into the vault; false when it was already there. */
  stored: boolean;
}

const HEAD_BYTES = 64;
const TAIL_BYTES = 32;

export function vaultFile(caseDir: string, sha256: string): string {
  return path.join(caseDir, VAULT_DIR, sha256.slice(0, 2), sha256);
}

/** Files up to this size are read whole: one read, one hash, one write, instead of a stream's many steps. */
export const SMALL_FILE_BYTES = 4 * 1024 * 1024;

/** Vault folders known to exist: creating them again for every file costs a system call each. */
const madeDirs = new Set<string>();
async function ensureDir(dir: string): Promise<void> {
  if (madeDirs.has(dir)) return;
  await fs.promises.mkdir(dir, { recursive: true });
  madeDirs.add(dir);
}

export async function ingestFile(caseDir: string, source: string, sizeHint = Number.POSITIVE_INFINITY): Promise<IngestedFile> {
  if (sizeHint > SMALL_FILE_BYTES) return ingestStream(caseDir, fs.createReadStream(source));
  // The bytes hashed are the bytes written: both come from this one buffer.
  const bytes = await fs.promises.readFile(source);
  if (bytes.length > SMALL_FILE_BYTES) return ingestStream(caseDir, fs.createReadStream(source));
  return ingestBuffer(caseDir, bytes);
}

/** Stores bytes the import made itself (a frame taken from a video): same naming, same read-only rule. */
export async function ingestBuffer(caseDir: string, bytes: Buffer): Promise<IngestedFile> {
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const result = { sha256, size: bytes.length, head: bytes.subarray(0, HEAD_BYTES), tail: bytes.subarray(Math.max(0, bytes.length - TAIL_BYTES)), stored: false };
  const target = vaultFile(caseDir, sha256);
  if (fs.existsSync(target)) return result;
  const tmpDir = path.join(caseDir, VAULT_DIR, 'incoming');
  await ensureDir(tmpDir);
  const tmp = path.join(tmpDir, `${process.pid}-${crypto.randomUUID()}`);
  try {
    await fs.promises.writeFile(tmp, bytes, { flag: 'wx', mode: 0o444 }).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      madeDirs.delete(tmpDir); // the folder went away since it was made (a case folder removed and made again)
      await ensureDir(tmpDir);
      await fs.promises.writeFile(tmp, bytes, { flag: 'wx', mode: 0o444 });
    });
    await ensureDir(path.dirname(target));
    await fs.promises.rename(tmp, target).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      madeDirs.delete(path.dirname(target));
      await ensureDir(path.dirname(target));
      await fs.promises.rename(tmp, target);
    });
  } catch (error) {
    await fs.promises.rm(tmp, { force: true });
    throw error;
  }
  return { ...result, stored: true };
}

/**
 * Hashes a stream while copying it into the vault. The stream may come from a file, a ZIP entry or a
 * process; if it fails half-way (a truncated entry, a limit exceeded) nothing is stored.
 */
export async function ingestStream(caseDir: string, input: Readable): Promise<IngestedFile> {
  const tmpDir = path.join(caseDir, VAULT_DIR, 'incoming');
  await fs.promises.mkdir(tmpDir, { recursive: true });
  const tmp = path.join(tmpDir, `${process.pid}-${crypto.randomUUID()}`);
  const hash = crypto.createHash('sha256');
  let size = 0;
  const heads: Buffer[] = [];
  let headLength = 0;
  let tail: Buffer = Buffer.alloc(0);
  const tee = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      tail = chunk.length >= TAIL_BYTES ? chunk.subarray(chunk.length - TAIL_BYTES) : Buffer.concat([tail, chunk]).subarray(-TAIL_BYTES);
      size += chunk.length;
      if (headLength < HEAD_BYTES) {
        heads.push(chunk.subarray(0, HEAD_BYTES - headLength));
        headLength += Math.min(chunk.length, HEAD_BYTES - headLength);
      }
      done(null, chunk);
    },
  });
  try {
    await pipeline(input, tee, fs.createWriteStream(tmp, { flags: 'wx' }));
    const sha256 = hash.digest('hex');
    const target = vaultFile(caseDir, sha256);
    let stored = false;
    if (fs.existsSync(target)) {
      await fs.promises.rm(tmp);
    } else {
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      await fs.promises.chmod(tmp, 0o444);
      await fs.promises.rename(tmp, target);
      stored = true;
    }
    return { sha256, size, head: Buffer.concat(heads), tail: Buffer.from(tail), stored };
  } catch (error) {
    input.destroy();
    await fs.promises.rm(tmp, { force: true });
    throw error;
  }
}

/** Whether a process still runs (EPERM: it does, under another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes half-written copies left in vault/incoming by an import whose process died (a crash, a power cut).
 * Copies of a live process are left alone: another import may be running on the same case.
 */
export async function sweepIncoming(caseDir: string): Promise<number> {
  const dir = path.join(caseDir, VAULT_DIR, 'incoming');
  const names = await fs.promises.readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const pid = Number.parseInt(name.split('-')[0] ?? '', 10);
    if (pid === process.pid || (Number.isInteger(pid) && processAlive(pid))) continue;
    await fs.promises.rm(path.join(dir, name), { force: true });
    removed++;
  }
  return removed;
}

/** Removes vault files that an aborted import wrote but no committed row refers to. */
export async function discardVaultFiles(caseDir: string, sha256s: Iterable<string>): Promise<void> {
  for (const sha of sha256s) {
    const file = vaultFile(caseDir, sha);
    await fs.promises.chmod(file, 0o644).catch(() => undefined);
    await fs.promises.rm(file, { force: true });
  }
}
