/**
 * The services behind the API contract: one implementation per call name. Both transports (Electron IPC and
 * the browser host's WebSocket) validate arguments with the contract's schemas and then call `handle`.
 */
import { apiContract, type ApiName, type ApiParsedArgs, type ApiResult, type ApiResponse } from '../../shared/api';
import { UserError } from '../../shared/messages';
import { listCaptures } from '../captures/listCaptures';
import { importEvidence } from '../evidence/importEvidence';
import { previewSheets } from '../evidence/pipeline/previewSheets';
import { ColumnProfileSchema } from '../evidence/profiles/profileSchema';
import { listProfiles, loadProfile, saveProfile } from '../evidence/profiles/profileStore';
import { verifyCase } from '../evidence/verify/verifyCase';
import { documentHandlers } from '../documents/documentHandlers';
import { chromiumPrinter, type PdfPrinter } from '../documents/render/pdf';
import { asUserError, throwIfCancelled } from '../faces/analysisErrors';
import { analyzeCase } from '../faces/analyzeCase';
import { faceSummary } from '../faces/faceStore';
import { computeStats } from '../findings/stats';
import { findingsHandlers } from '../findings/findingsHandlers';
import { identityHandlers } from '../identities/identityHandlers';
import { clusterCase } from '../identities/clusterCase';
import { JobRunner } from '../jobs/jobRunner';
import { createCase, readCaseInfo, summarise, withCase } from '../store/caseStore';
import type { Workspace } from '../store/workspace';
import { toWireError } from './wireError';

type Handlers = { [N in ApiName]: (args: ApiParsedArgs<N>) => Promise<ApiResult<N>> | ApiResult<N> };

export class ApiRegistry {
  readonly jobs = new JobRunner();
  private readonly handlers: Handlers;

  /** `pdfPrinter`: the Electron shell passes one on printToPDF; the browser host and tests print with headless Chromium. */
  constructor(readonly workspace: Workspace, opts: { pdfPrinter?: () => PdfPrinter } = {}) {
    const pdfPrinter = opts.pdfPrinter ?? (() => chromiumPrinter());
    this.handlers = {
      'cases.list': () => this.workspace.list(),
      'cases.create': ({ dir, info }) => {
        const caseDir = dir?.trim() ? dir : this.workspace.folderFor(info.number);
        const summary = createCase(caseDir, info);
        this.workspace.remember(summary.id);
        return summary;
      },
      'cases.open': ({ dir }) => {
        const summary = withCase(dir, (db) => summarise(dir, db));
        this.workspace.remember(summary.id);
        return summary;
      },
      'cases.get': ({ caseId }) =>
        withCase(caseId, (db) => {
          const info = readCaseInfo(db);
          const sources = db
            .prepare(
              `SELECT s.id, s.original_path AS path, s.imported_at AS importedAt, s.file_count AS files,
                      s.manifest_sha256 AS sha256, (SELECT COUNT(*) FROM captures c WHERE c.source_id = s.id) AS captures
                 FROM sources s ORDER BY s.id`,
            )
            .all() as ApiResult<'cases.get'>['sources'];
          return { id: caseId, info, sources };
        }),
      'import.start': ({ caseId, path, profile }) => {
        withCase(caseId, () => undefined); // fail now, not inside the job, when the case does not exist
        const columns = profile ? loadProfile(this.workspace.root, profile) : undefined;
        const jobId = this.jobs.start(caseId, 'import', (ctx) =>
          importEvidence(caseId, path, {
            signal: ctx.signal,
            profile: columns,
            onProgress: (p) => ctx.progress(p.phase, p.done, p.total, p.bytesDone === undefined ? undefined : { done: p.bytesDone, total: p.bytesTotal }),
          }),
        );
        return { jobId };
      },
      'import.preview': ({ path, profile }) => previewSheets(path, profile ? loadProfile(this.workspace.root, profile) : undefined),
      'profiles.list': () => listProfiles(this.workspace.root).filter((l) => l.problem === null).map((listing) => loadProfile(this.workspace.root, listing.name)),
      'profiles.save': ({ profile }) => saveProfile(this.workspace.root, ColumnProfileSchema.parse(profile)),
      'faces.analyze.start': ({ caseId, engine }) => {
        withCase(caseId, () => undefined);
        const jobId = this.jobs.start(caseId, 'analyze', async (ctx) => {
          try {
            const report = await analyzeCase(caseId, {
              engine, signal: ctx.signal,
              onProgress: (p) => ctx.progress('analyze', p.done, p.total),
            });
            throwIfCancelled(report);
            // Persons are part of analysing a case: the faces are grouped again, keeping every review decision.
            const faces = withCase(caseId, (db) => (db.prepare('SELECT COUNT(*) AS n FROM faces').get() as { n: number }).n);
            if (faces > 0) await clusterCase(caseId, { signal: ctx.signal, onProgress: (p) => ctx.progress(p.phase, p.done, p.total) });
            return report;
          } catch (error) {
            throw asUserError(error);
          }
        });
        return { jobId };
      },
      'faces.summary': ({ caseId }) => withCase(caseId, faceSummary),
      'verify.start': ({ caseId }) => {
        withCase(caseId, () => undefined);
        const jobId = this.jobs.start(caseId, 'verify', (ctx) =>
          verifyCase(caseId, {
            signal: ctx.signal,
            onProgress: (p) => ctx.progress(p.phase, p.done, p.total, { done: p.bytesDone, total: p.bytesTotal }),
          }),
        );
        return { jobId };
      },
      'jobs.get': ({ jobId }) => this.jobs.get(jobId),
      'jobs.cancel': ({ jobId }) => ({ cancelled: this.jobs.cancel(jobId) }),
      'stats.get': ({ caseId }) => withCase(caseId, computeStats),
      'captures.list': ({ caseId, ...query }) => withCase(caseId, (db) => listCaptures(db, query)),
      ...identityHandlers(this.jobs),
      ...findingsHandlers(this.jobs),
      ...documentHandlers(pdfPrinter, this.jobs),
    };
  }

  /** Validates and runs one call; never throws: the response carries the error. */
  async handle(name: unknown, rawArgs: unknown): Promise<ApiResponse> {
    try {
      if (typeof name !== 'string' || !Object.hasOwn(apiContract, name)) {
        throw new UserError('args.invalid', { details: `unknown call ${String(name)}` });
      }
      const callName = name as ApiName;
      const parsed = apiContract[callName].args.safeParse(rawArgs ?? {});
      if (!parsed.success) {
        throw new UserError('args.invalid', {
          details: parsed.error.issues.map((i) => `${i.path.join('.') || '(args)'}: ${i.message}`).join('; '),
        });
      }
      const handler = this.handlers[callName] as (args: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (!(error instanceof UserError)) console.error(`[api] ${String(name)} failed:`, error);
      return { ok: false, error: toWireError(error) };
    }
  }
}
