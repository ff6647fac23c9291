/**
 * Date and number display. Times are shown as written in the data (the wall-clock time of the ISO string, in
 * the offset it carries), never converted to the viewer's zone: an evidence time must read the same on every
 * machine that opens the case. The one exception is a UTC stamp ending in Z (a system time such as a case's
 * creation or an import), which is shown in the workstation's local time.
 */
import type { Lang } from '../../../shared/messages';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;

interface Parts {
  y: string;
  m: string;
  d: string;
  hh?: string;
  mm?: string;
  ss?: string;
}

function parse(text: string): Parts | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, hh, mi, ss, zone] = m;
  if (hh && (zone === 'Z' || zone === 'z')) {
    const t = new Date(text.trim());
    if (!Number.isNaN(t.getTime())) {
      const two = (n: number) => String(n).padStart(2, '0');
      return {
        y: String(t.getFullYear()),
        m: two(t.getMonth() + 1),
        d: two(t.getDate()),
        hh: two(t.getHours()),
        mm: two(t.getMinutes()),
        ss: two(t.getSeconds()),
      };
    }
  }
  return { y: y!, m: mo!, d: d!, hh, mm: mi, ss: hh ? (ss ?? '00') : undefined };
}

/** zh: 2021年4月18日, en: 2021-04-18 */
export function formatDate(text: string, lang: Lang): string {
  const p = parse(text);
  return p ? dateOf(p, lang) : text;
}

function dateOf(p: Parts, lang: Lang): string {
  return lang === 'zh' ? `${p.y}年${Number(p.m)}月${Number(p.d)}日` : `${p.y}-${p.m}-${p.d}`;
}

/** zh: 2021年4月18日 09:30:15, en: 2021-04-18 09:30:15 */
export function formatDateTime(text: string, lang: Lang): string {
  const p = parse(text);
  if (!p) return text;
  const date = dateOf(p, lang);
  return p.hh ? `${date} ${p.hh}:${p.mm}:${p.ss}` : date;
}

/** 09:30:15 */
export function formatTime(text: string): string {
  const p = parse(text);
  if (!p || !p.hh) return text;
  return `${p.hh}:${p.mm}:${p.ss}`;
}

/** Counts are shown as plain digits (no grouping), the form used in case documents and in tests. */
export function formatCount(n: number): string {
  return String(Math.round(n));
}
