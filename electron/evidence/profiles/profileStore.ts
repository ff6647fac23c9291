/**
 * Column-mapping profiles on disk: one JSON file per profile in <workspace>/profiles, so an analyst can copy a
 * platform's profile to another workstation, and the CLI finds it by name (`--profile 某平台`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../../shared/messages';
import { ColumnProfileSchema, type ColumnProfile } from './profileSchema';

type WorkspaceRef = string | { root: string };

export function profilesDir(workspace: WorkspaceRef): string {
  return path.join(typeof workspace === 'string' ? workspace : workspace.root, 'profiles');
}

/**
 * A profile name safe as a file name on every OS: no path separators or characters Windows forbids, no leading
 * dots, no '.json' typed on the command line. Chinese names stay as they are. Throws when nothing is left.
 */
export function sanitiseProfileName(name: string): string {
  const clean = name
    .normalize('NFC')
    .trim()
    .replace(/\.json$/iu, '')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/gu, '_')
    .replace(/^[.\s]+|[.\s]+$/gu, '')
    .slice(0, 80);
  if (!/[\p{L}\p{N}]/u.test(clean)) throw new UserError('profile.nameInvalid', { name });
  return clean;
}

function fileOf(workspace: WorkspaceRef, name: string): string {
  return path.join(profilesDir(workspace), `${sanitiseProfileName(name)}.json`);
}

function parseProfile(text: string, name: string): ColumnProfile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UserError('profile.invalid', { name, details: (error as Error).message });
  }
  const parsed = ColumnProfileSchema.safeParse(json);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(profile)'}: ${issue.message}`).join('; ');
    throw new UserError('profile.invalid', { name, details });
  }
  return parsed.data;
}

export interface ProfileListing {
  name: string;
  kind: ColumnProfile['kind'] | null;
  description: string | null;
  /** Why the file cannot be used, when it cannot: shown, not hidden, so a broken profile can be fixed. */
  problem: string | null;
}

export function listProfiles(workspace: WorkspaceRef): ProfileListing[] {
  let files: string[];
  try {
    files = fs.readdirSync(profilesDir(workspace)).filter((f) => f.toLowerCase().endsWith('.json'));
  } catch {
    return [];
  }
  return files
    .map((file): ProfileListing => {
      const name = file.replace(/\.json$/iu, '');
      try {
        const profile = parseProfile(fs.readFileSync(path.join(profilesDir(workspace), file), 'utf8'), name);
        return { name, kind: profile.kind, description: profile.description ?? null, problem: null };
      } catch (error) {
        return { name, kind: null, description: null, problem: (error as Error).message };
      }
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/** The profile saved as `name` (as typed on the command line: '某平台' or '某平台.json'). */
export function loadProfile(workspace: WorkspaceRef, name: string): ColumnProfile {
  const file = fileOf(workspace, name);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new UserError('profile.missing', { name, dir: profilesDir(workspace) });
  }
  return { ...parseProfile(text, name), name: sanitiseProfileName(name) };
}

/** Validates and writes the profile (replacing one of the same name); returns it as saved, with its clean name. */
export function saveProfile(workspace: WorkspaceRef, profile: ColumnProfile): ColumnProfile {
  const name = sanitiseProfileName(profile.name);
  const clean = parseProfile(JSON.stringify({ ...profile, name }), name);
  const file = fileOf(workspace, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written beside and renamed, so a crash never leaves half a profile.
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(clean, null, 2)}\n`);
  fs.renameSync(temp, file);
  return clean;
}
