/**
 * Creating, reading and listing cases. A case is a folder: case.sqlite plus the evidence vault beside it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CaseInfoInput, type CaseInfo, type CaseSummary } from '../../shared/api';
import { validateCaseNumber } from '../../shared/caseNumber';
import { validateCreditCode } from '../../shared/creditCode';
import { UserError } from '../../shared/messages';
import { appendAudit } from '../audit/auditLog';
import { isCaseDir, openCaseDb, VAULT_DIR, type CaseDb } from './caseDb';

/** Checks the fields a person types; throws a UserError naming the first problem. */
export function validateCaseInfo(input: CaseInfoInput): CaseInfo {
  const info = CaseInfoInput.parse(input);
  const number = validateCaseNumber(info.number);
  if (!number.ok) {
    throw new UserError('case.numberInvalid', {
      value: info.number,
      problems: number.problems.join(','),
      suggestion: number.suggestion ?? '',
    });
  }
  if (info.creditCode) {
    const credit = validateCreditCode(info.creditCode);
    if (!credit.ok) {
      throw new UserError('creditCode.invalid', {
        value: info.creditCode,
        problem: credit.problem!,
        expected: credit.expectedCheck ?? '',
      });
    }
  }
  if (!Intl.supportedValuesOf('timeZone').includes(info.timezone) && info.timezone !== 'UTC') {
    throw new UserError('args.invalid', { details: `unknown time zone ${info.timezone}` });
  }
  return { ...info, createdAt: new Date().toISOString() };
}

export function createCase(caseDir: string, input: CaseInfoInput): CaseSummary {
  const info = validateCaseInfo(input);
  const dir = path.resolve(caseDir);
  if (isCaseDir(dir)) throw new UserError('case.exists', { dir });
  fs.mkdirSync(path.join(dir, VAULT_DIR), { recursive: true });
  const db = openCaseDb(dir, { create: true });
  try {
    db.transaction(() => {
      db.prepare(
        `INSERT INTO case_info (id, number, name, party_name, credit_code, domicile, legal_representative,
           handling_unit, officers, timezone, created_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        info.number, info.name, info.partyName, info.creditCode, info.domicile, info.legalRepresentative,
        info.handlingUnit, JSON.stringify(info.officers), info.timezone, info.createdAt,
      );
      appendAudit(db, 'case.create', { info });
    })();
    return summarise(dir, db);
  } finally {
    db.close();
  }
}

/** Opens an existing case, or throws the UserError that tells the user what to do. */
export function openCase(caseDir: string): CaseDb {
  const dir = path.resolve(caseDir);
  if (!isCaseDir(dir)) throw new UserError('case.notFound', { dir });
  return openCaseDb(dir);
}

export function readCaseInfo(db: CaseDb): CaseInfo {
  const row = db.prepare('SELECT * FROM case_info WHERE id = 1').get() as Record<string, string> | undefined;
  if (!row) throw new Error('case database has no case_info row');
  return {
    number: row.number!,
    name: row.name!,
    partyName: row.party_name!,
    creditCode: row.credit_code!,
    domicile: row.domicile!,
    legalRepresentative: row.legal_representative!,
    handlingUnit: row.handling_unit!,
    officers: JSON.parse(row.officers!) as string[],
    timezone: row.timezone!,
    createdAt: row.created_at!,
  };
}

export function summarise(caseDir: string, db: CaseDb): CaseSummary {
  const info = readCaseInfo(db);
  const { n } = db.prepare('SELECT COUNT(*) AS n FROM captures').get() as { n: number };
  return {
    id: path.resolve(caseDir),
    number: info.number,
    name: info.name,
    partyName: info.partyName,
    createdAt: info.createdAt,
    captures: n,
  };
}

export function withCase<T>(caseDir: string, fn: (db: CaseDb) => T): T {
  const db = openCase(caseDir);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}
