/**
 * The statutes in shared/legal are the texts of ../shared/legal, character for character.
 *
 * This test reads the sources itself, without the transcription script's parser: every line from the first article
 * on is either a heading or, in order, an article's label with its first paragraph, a further paragraph or an item
 * of the data. One character added, dropped or changed on either side fails it. (It lives in scripts/ because
 * shared/ may not read files: shared/ is pure.)
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATUTE_IDS, statute } from '../shared/legal';

const SOURCE_DIR = path.resolve(import.meta.dirname, '..', '..', 'shared', 'legal');
// Spaces that pad the source lines or separate a label from its text; not part of the wording.
const PAD = /^[\s\u3000\u200b]+|[\s\u3000\u200b]+$/gu;

function sourceLines(file: string): string[] {
  const text = readFileSync(path.join(SOURCE_DIR, file), 'utf8');
  const lines = text.split('\n').map((l) => l.replace(PAD, '')).filter(Boolean);
  const first = lines.findIndex((l) => /^第一条[\s\u3000]/u.test(l));
  return lines
    .slice(first)
    .filter((l) => !l.startsWith('#'))
    .map((l) => l.replace(/^(第[一二三四五六七八九十百零]+条)[\s\u3000]+/u, '$1 '));
}

function dataLines(id: (typeof STATUTE_IDS)[number]): string[] {
  const s = statute(id);
  const out: string[] = [];
  for (const article of Object.values(s.articles)) {
    article.paragraphs.forEach((p, i) => out.push(i === 0 ? `${article.label} ${p.text}` : p.text, ...p.items));
  }
  return out;
}

const sourceOf = (id: (typeof STATUTE_IDS)[number]) => {
  const file = readdirSync(SOURCE_DIR).find((f) => f.startsWith(statute(id).shortTitle) || f.startsWith(statute(id).title));
  if (!file) throw new Error(`no source for ${id}`);
  return file;
};

describe('statutes transcribed verbatim', () => {
  it.each(STATUTE_IDS)('%s: every line of the source, in order', (id) => {
    const expected = sourceLines(sourceOf(id));
    const actual = dataLines(id);
    // Compare line by line first, so a failure names the line rather than dumping two whole statutes.
    for (let i = 0; i < Math.max(expected.length, actual.length); i++) expect(actual[i], `line ${i + 1}`).toBe(expected[i]);
  });

  it('holds every statute the sources hold, and the article counts of their final articles', () => {
    expect(readdirSync(SOURCE_DIR).filter((f) => f.endsWith('.md')).length).toBe(STATUTE_IDS.length);
    const last = (id: (typeof STATUTE_IDS)[number]) => Math.max(...Object.keys(statute(id).articles).map(Number));
    // Counted in the sources: the article that sets the date of entry into force is the last of each.
    expect(last('consumerProtection')).toBe(63);
    expect(last('consumerPenaltyMeasures')).toBe(22);
    expect(last('pipl')).toBe(74);
    expect(last('administrativePenalty')).toBe(86);
    expect(last('administrativeReconsideration')).toBe(90);
    expect(last('administrativeLitigation')).toBe(103);
    expect(last('penaltyProcedure')).toBe(87);
    expect(last('penaltyPublicity')).toBe(19);
    expect(last('faceRecognitionInterpretation')).toBe(16);
  });

  it('titles are the sources\u2019 titles', () => {
    for (const id of STATUTE_IDS) {
      const first = readFileSync(path.join(SOURCE_DIR, sourceOf(id)), 'utf8').split('\n')[0]!;
      expect(first.replace(/^#\s*/u, '').trim()).toBe(statute(id).title);
    }
  });
});

describe('dates agree with the sources', () => {
  const isoToChinese = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number);
    return `${y}年${m}月${d}日`;
  };
  const source = (id: (typeof STATUTE_IDS)[number]) => readFileSync(path.join(SOURCE_DIR, sourceOf(id)), 'utf8');

  it('the effective date is stated in the source wherever the version held is the original one', () => {
    for (const id of ['consumerPenaltyMeasures', 'pipl', 'administrativePenalty', 'administrativeReconsideration', 'penaltyProcedure', 'penaltyPublicity', 'faceRecognitionInterpretation'] as const) {
      expect(source(id), id).toMatch(new RegExp(`自${isoToChinese(statute(id).effectiveFrom)}起施行`, 'u'));
    }
  });

  it('the version date is the date of a header line (adoption, revision, amendment or publication)', () => {
    for (const id of STATUTE_IDS) {
      if (id === 'faceRecognitionInterpretation') continue; // published 2021-07-27: in the source's file name
      const header = source(id).split(/<!-- INFO END -->|\n## /u)[0]!;
      expect(header, id).toContain(isoToChinese(statute(id).versionDate));
    }
    expect(sourceOf('faceRecognitionInterpretation')).toContain(`(${statute('faceRecognitionInterpretation').versionDate})`);
  });

  it('amended laws: the consolidated text keeps the original date, which is earlier than the amendment held', () => {
    expect(source('consumerProtection')).toContain('本法自1994年1月1日起施行');
    expect(statute('consumerProtection').effectiveFrom).toBe('2014-03-15');
    expect(source('administrativeLitigation')).toContain('本法自1990年10月1日起施行');
    expect(statute('administrativeLitigation').effectiveFrom).toBe('2017-07-01');
  });
});

describe('the committed data is what the script writes', () => {
  it('every statutes/*.ts equals a fresh transcription (run node scripts/transcribeStatutes.mjs after a source changes)', async () => {
    const { transcribeAll } = await import('./transcribeStatutes.mjs');
    const modules = transcribeAll(SOURCE_DIR);
    expect(Object.keys(modules).sort()).toEqual([...STATUTE_IDS].sort());
    for (const [id, m] of Object.entries(modules)) {
      const committed = readFileSync(path.resolve(import.meta.dirname, '..', 'shared', 'legal', 'statutes', `${id}.ts`), 'utf8');
      expect(committed === m.text, `${id}.ts differs from the script's output`).toBe(true);
    }
  });

  it('reads Chinese article numbers', async () => {
    const { parseChineseInteger } = await import('./transcribeStatutes.mjs');
    expect([parseChineseInteger('十'), parseChineseInteger('二十九'), parseChineseInteger('一百零三'), parseChineseInteger('一百一十')]).toEqual([10, 29, 103, 110]);
  });
});
