/**
 * The command-line verbs. Names and JSON fields are stable: scripts, benchmarks and reviewers depend on them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { formatMessage, UserError } from '../../shared/messages';
import { readAudit, verifyAuditChain } from '../audit/auditLog';
import { computeStats } from '../findings/stats';
import { startHost } from '../host/server';
import { generateSample } from '../sample/generateSample';
import { createCase, withCase } from '../store/caseStore';
import { defaultWorkspace } from '../store/workspace';
import { int, parse, usageError, type Out } from './args';
import { cliLang } from './lang';
import { facesDir, rendererDir } from './paths';

export const USAGE = `Usage:
  faceaudit case create <case-dir> --number <文号> --party <name> [--credit-code <code>] [--name <案件名称>]
                        [--domicile <住所>] [--legal-rep <name>] [--handling-unit <unit>] [--officer <name>]...
                        [--timezone Asia/Shanghai] [--json]
  faceaudit import <case-dir> <path>... [--profile <name>] [--workspace <dir>] [--json]
                        (folders, ZIP archives, CSV/XLSX/JSON sheets, videos, images; re-run to resume)
  faceaudit verify <case-dir> [--vault-only] [--json]
  faceaudit analyze <case-dir> [--engine onnx|tfjs] [--workers N] [--json]
                        [--no-cluster]  (find, align and embed every face, then group them into persons; re-run to resume)
  faceaudit cluster <case-dir> [--json]
                        (group the analysed faces into persons again, keeping every review decision)
  faceaudit export identities <case-dir> --out <file.csv|file.xlsx>
  faceaudit stats <case-dir> [--gap-minutes 30] [--json]
  faceaudit document <case-dir> <decision|notice|report|evidence|casefile> --format docx|pdf --out <file>
                        [--fields <fields.json>] [--regenerate] [--volume main|secondary|both] [--unmask-faces]
                        (drafts the document from the case when needed; --fields sets 发文机关, dates, fine… from JSON)
  faceaudit audit <case-dir> [--json]
  faceaudit serve [--port N] [--workspace <dir>]
  faceaudit sample <out-dir> [--captures N] [--seed S] [--days D]
  faceaudit fonts-conf   (a fontconfig file mapping the documents' official fonts to open CJK fonts, for LibreOffice on
                        Linux: faceaudit fonts-conf > ~/.config/fontconfig/conf.d/60-faceaudit-official-fonts.conf)`;

export async function caseCreate(args: string[], out: Out): Promise<void> {
  const { values, positionals } = parse(args, {
    number: { type: 'string' }, party: { type: 'string' }, 'credit-code': { type: 'string' }, name: { type: 'string' },
    domicile: { type: 'string' }, 'legal-rep': { type: 'string' }, 'handling-unit': { type: 'string' },
    officer: { type: 'string', multiple: true }, timezone: { type: 'string' }, json: { type: 'boolean' },
  });
  const [dir] = positionals;
  if (!dir) throw usageError('case create needs a case folder');
  if (!values.number) throw new UserError('case.fieldRequired', { field: '--number (文号)' });
  if (!values.party) throw new UserError('case.fieldRequired', { field: '--party (当事人名称)' });
  const summary = createCase(dir, {
    number: values.number as string,
    partyName: values.party as string,
    creditCode: (values['credit-code'] as string | undefined) ?? '',
    name: (values.name as string | undefined) ?? '',
    domicile: (values.domicile as string | undefined) ?? '',
    legalRepresentative: (values['legal-rep'] as string | undefined) ?? '',
    handlingUnit: (values['handling-unit'] as string | undefined) ?? '',
    officers: (values.officer as string[] | undefined) ?? [],
    timezone: (values.timezone as string | undefined) ?? 'Asia/Shanghai',
  });
  out(values.json ? JSON.stringify(summary, null, 2) : `Created case ${summary.number} in ${summary.id}`);
}

export async function statsCommand(args: string[], out: Out): Promise<void> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' }, 'gap-minutes': { type: 'string' } });
  const [dir] = positionals;
  if (!dir) throw usageError('stats needs a case folder');
  const gapMinutes = int(values['gap-minutes'], 'gap-minutes');
  if (gapMinutes === 0) throw usageError('--gap-minutes must be at least 1');
  const stats = withCase(dir, (db) => computeStats(db, { gapMinutes }));
  if (values.json) {
    out(JSON.stringify(stats, null, 2));
    return;
  }
  const person = (n: number | null) => (n === null ? 'not yet (run clustering)' : String(n));
  out(`captures: ${stats.captures} (${stats.images} images, ${stats.videos} videos, ${stats.faces} faces)`);
  out(`period:   ${stats.period.first ?? '-'} .. ${stats.period.last ?? '-'} (${stats.daysActive} days with captures)`);
  out(`persons:  ${person(stats.persons)}` + (stats.personsRange ? ` (range ${stats.personsRange.low}-${stats.personsRange.high})` : '') +
    `; staff ${person(stats.staff)}; visitors ${person(stats.visitors)}; repeat visitors ${person(stats.repeatVisitors)}; ` +
    `visits ${person(stats.visits)} (gap ${stats.visitGapMinutes} min)`);
  out(`authentication records: ${stats.authentications}; authenticated persons ${person(stats.authenticatedPersons)}`);
  out(`cameras:  ${stats.cameras.length}`);
  for (const camera of stats.cameras) {
    out(`  ${camera.id.padEnd(12)} ${String(camera.captures).padStart(8)}  ${camera.zone.padEnd(6)} ${camera.name} (${camera.activeDays} days)`);
  }
  for (const zone of stats.zones) out(`zone ${zone.zone || '-'}: ${zone.captures} captures on ${zone.cameras} camera${zone.cameras === 1 ? '' : 's'}`);
}

export async function auditCommand(args: string[], out: Out): Promise<void> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  const [dir] = positionals;
  if (!dir) throw usageError('audit needs a case folder');
  const { entries, broken } = withCase(dir, (db) => ({ entries: readAudit(db), broken: verifyAuditChain(db) }));
  if (values.json) {
    out(JSON.stringify({ intact: broken === null, brokenAt: broken, entries }, null, 2));
    return;
  }
  for (const e of entries) out(`${String(e.seq).padStart(5)}  ${e.at}  ${e.actor}  ${e.action}`);
  out(broken === null ? 'audit chain intact' : `audit chain BROKEN at entry ${broken}`);
}

export async function serveCommand(args: string[], out: Out): Promise<void> {
  const { values } = parse(args, { port: { type: 'string' }, workspace: { type: 'string' } });
  const dir = rendererDir();
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    throw usageError(`the UI is not built (${dir} is missing): run "npm run build" first`);
  }
  const host = await startHost({
    port: int(values.port, 'port'),
    workspace: (values.workspace as string | undefined) ?? defaultWorkspace(),
    rendererDir: dir,
  });
  out(`FaceAudit browser host: ${host.url}`);
  const stop = () => void host.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

export async function sampleCommand(args: string[], out: Out): Promise<void> {
  const { values, positionals } = parse(args, {
    captures: { type: 'string' }, seed: { type: 'string' }, days: { type: 'string' },
  });
  const [outDir] = positionals;
  if (!outDir) throw usageError('sample needs an output folder');
  const faces = facesDir();
  if (!fs.existsSync(faces)) throw usageError(`no labeled faces at ${faces}: set FACEAUDIT_FACES to the shared/faces folder`);
  const truth = await generateSample({
    outDir: path.resolve(outDir),
    facesDir: faces,
    captures: int(values.captures, 'captures'),
    seed: int(values.seed, 'seed'),
    days: int(values.days, 'days'),
  });
  out(`Sample archive: ${path.resolve(outDir, 'archive')} (${truth.captures} captures, ${truth.persons} people); truth: ${path.resolve(outDir, 'truth.json')}`);
}

export function describeError(error: unknown): { line: string; code: number } {
  if (error instanceof UserError) return { line: formatMessage(error.code, error.params, cliLang()), code: 1 };
  const message = error instanceof Error ? error.message : String(error);
  return { line: `Internal error: ${message} (set FACEAUDIT_DEBUG=1 for details)`, code: 2 };
}
