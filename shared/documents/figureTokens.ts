/**
 * Figures in drafted text stay tokens — 【captures】, 【period.first】 — until a document is rendered, so a draft
 * says what the case says at that moment and a drafter can see (and keep, or move) every figure while editing.
 * Full-width brackets stand out in Chinese text; only ASCII keys are tokens, so 【注】 or 【附件】 typed by a
 * drafter stay plain text.
 *
 * `figureTable` turns the case's findings (stats.get) into printed values with their provenance; `resolveRuns`
 * splits a text into Runs whose figures carry `figure: { key, provenance }` (shared/documents/model.ts).
 */
import type { Stats } from '../api';
import { chineseDate } from '../chineseDates';
import type { PlatformComparison, Provenance } from '../findingsApi';
import type { FigureRef, Run } from './model';

const TOKEN = /【([A-Za-z][A-Za-z0-9.]*)】/gu;

export function token(key: string): string {
  return `【${key}】`;
}

/** A figure as a document prints it; `value` null when the case cannot tell it yet (persons before clustering). */
export interface FigureValue {
  value: string | null;
  provenance: Provenance | null;
}
export type FigureTable = Record<string, FigureValue>;

/** 2021-04-18T09:00:00+08:00 → 2021年4月18日: the local date the case's clock gives (the ISO time carries its offset). */
export function dateZh(iso: string): string {
  return chineseDate(iso.slice(0, 10));
}

/** Human-readable provenance for the model's FigureRef: what it counts, then the query that counted it. */
export function provenanceText(p: Provenance): string {
  const params = Object.keys(p.params).length ? ` ${JSON.stringify(p.params)}` : '';
  const people = p.identityRun !== null ? `; identity run ${p.identityRun}, ${p.decisions ?? 0} review decisions` : '';
  return `${p.note ? `${p.note}: ` : ''}${p.sql}${params}${people}; computed ${p.computedAt}`;
}

/** Zones in the order cameras were first listed, with how many cameras each: 入口1个、大厅6个、洽谈区2个. */
function camerasByZone(stats: Stats): string {
  const counts = new Map<string, number>();
  for (const c of stats.cameras) counts.set(c.zone || '未标明区域', (counts.get(c.zone || '未标明区域') ?? 0) + 1);
  return [...counts].map(([zone, n]) => `${zone}${n}个`).join('、');
}

/** The keys a draft may cite, and what each prints. Person figures are null until faces are grouped. */
export function figureTable(stats: Stats, platform?: PlatformComparison): FigureTable {
  const p = (key: string): Provenance | null => stats.provenance[key] ?? null;
  const n = (v: number | null): string | null => (v === null ? null : String(v));
  const table: FigureTable = {
    'period.first': { value: stats.period.first ? dateZh(stats.period.first) : null, provenance: p('period.first') },
    'period.last': { value: stats.period.last ? dateZh(stats.period.last) : null, provenance: p('period.last') },
    daysActive: { value: String(stats.daysActive), provenance: p('daysActive') },
    captures: { value: String(stats.captures), provenance: p('captures') },
    images: { value: String(stats.images), provenance: p('images') },
    videos: { value: String(stats.videos), provenance: p('videos') },
    faces: { value: String(stats.faces), provenance: p('faces') },
    cameras: { value: String(stats.cameras.length), provenance: p('cameras') },
    camerasActive: { value: String(stats.cameras.filter((c) => c.captures > 0).length), provenance: p('cameras') },
    camerasByZone: { value: stats.cameras.length ? camerasByZone(stats) : null, provenance: p('cameras') },
    zones: { value: String(new Set(stats.cameras.map((c) => c.zone)).size), provenance: p('zones') },
    persons: { value: n(stats.persons), provenance: p('persons') },
    personsRange: {
      value: stats.personsRange ? `${stats.personsRange.low}至${stats.personsRange.high}` : null,
      provenance: p('personsRange'),
    },
    staff: { value: n(stats.staff), provenance: p('staff') },
    visitors: { value: n(stats.visitors), provenance: p('visitors') },
    visits: { value: n(stats.visits), provenance: p('visits') },
    repeatVisitors: { value: n(stats.repeatVisitors), provenance: p('repeatVisitors') },
    authentications: { value: String(stats.authentications), provenance: p('authentications') },
    authenticatedPersons: { value: n(stats.authenticatedPersons), provenance: p('authenticatedPersons') },
  };
  if (platform) {
    for (const row of platform.rows) {
      table[`platform.${row.key}`] = { value: row.platform === null ? null : String(row.platform), provenance: row.platformProvenance ?? null };
    }
  }
  return table;
}

/** The figure keys a text cites, in order of first appearance. */
export function tokensIn(text: string): string[] {
  return [...new Set([...text.matchAll(TOKEN)].map((m) => m[1]!))];
}

/** Tokens the table cannot print: unknown keys, and figures the case cannot tell yet. */
export function unresolvedTokens(text: string, table: FigureTable): string[] {
  return tokensIn(text).filter((key) => table[key]?.value == null);
}

/** Why a section's tokens print as typed, worded for the drafter: person figures wait for grouping, others are unknown keys. */
export function unresolvedMessage(title: string, keys: string[], lang: 'zh' | 'en'): string {
  const list = keys.map(token).join(lang === 'zh' ? '、' : ', ');
  return lang === 'zh'
    ? `“${title}”中的数字${list}目前无法得出（人员数字需先完成人脸归并；其他请核对名称），打印时将原样显示。`
    : `In “${title}”, ${list} cannot be told yet (person figures need the faces grouped first; otherwise check the name): they print as typed.`;
}

/** Plain text with every resolvable token replaced by its value; unresolved ones stay as typed, visible. */
export function resolveText(text: string, table: FigureTable): string {
  return text.replace(TOKEN, (whole, key: string) => table[key]?.value ?? whole);
}

/** Runs of one paragraph: literal text, and each resolved figure as its own run with its key and provenance. */
export function resolveRuns(text: string, table: FigureTable): Run[] {
  const runs: Run[] = [];
  let at = 0;
  const push = (run: Run) => {
    const last = runs.at(-1);
    if (last && !last.figure && !run.figure && !last.bold && !run.bold) last.text += run.text;
    else if (run.text) runs.push(run);
  };
  for (const m of text.matchAll(TOKEN)) {
    push({ text: text.slice(at, m.index) });
    const key = m[1]!;
    const figure = table[key];
    if (figure?.value != null) {
      const ref: FigureRef = { key };
      if (figure.provenance) {
        ref.provenance = provenanceText(figure.provenance);
        ref.source = figure.provenance;
      }
      push({ text: figure.value, figure: ref });
    } else {
      push({ text: m[0] });
    }
    at = m.index + m[0].length;
  }
  push({ text: text.slice(at) });
  return runs;
}

/** The printed value of every figure a set of texts cites: what signing (定稿) freezes. */
export function figureSnapshot(texts: string[], table: FigureTable): Record<string, string | null> {
  const snapshot: Record<string, string | null> = {};
  for (const text of texts) for (const key of tokensIn(text)) snapshot[key] = table[key]?.value ?? null;
  return snapshot;
}

export interface FigureChange {
  key: string;
  signed: string | null;
  current: string | null;
}

/** Figures whose printed value differs now from when the document was signed. */
export function changedFigures(snapshot: Record<string, string | null>, table: FigureTable): FigureChange[] {
  return Object.entries(snapshot)
    .map(([key, signed]) => ({ key, signed, current: table[key]?.value ?? null }))
    .filter((c) => c.signed !== c.current);
}
