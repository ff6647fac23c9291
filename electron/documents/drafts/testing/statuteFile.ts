/**
 * An article's paragraphs and items straight from the statute files in ../shared/legal, independent of the legal
 * library: what the drafts' quotes are compared with, character for character.
 */
import fs from 'node:fs';
import path from 'node:path';

const LEGAL_DIR = path.resolve(import.meta.dirname, '../../../../../shared/legal');

/** The article's lines (paragraphs and items, blank lines dropped), the first without its 第…条 label. */
export function statuteLines(file: string, label: string): string[] {
  const lines = fs.readFileSync(path.join(LEGAL_DIR, file), 'utf8').split('\n').map((l) => l.trim());
  const start = lines.findIndex((l) => l.startsWith(`${label} `) || l.startsWith(`${label}\u3000`));
  if (start < 0) throw new Error(`${label} not found in ${file}`);
  const out = [lines[start]!.slice(label.length).trim()];
  for (const line of lines.slice(start + 1)) {
    if (/^第[一二三四五六七八九十百零]+条[ \u3000]/u.test(line) || /^第[一二三四五六七八九十]+章/u.test(line)) break;
    if (line) out.push(line);
  }
  return out;
}

export const CONSUMER_LAW = '消费者权益保护法(2013-10-25).md';
export const PENALTY_MEASURES = '侵害消费者权益行为处罚办法(2015-01-05).md';
