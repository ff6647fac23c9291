/** Small pieces the People screens share: the face image, the role badge, authentication names, date spans. */
import { memo, useEffect, useRef, useState } from 'react';
import type { ApiResult } from '../../../../shared/api';
import type { PersonItem, PersonRole, ReviewAction } from '../../../../shared/identitiesApi';
import { useBridge } from '../../bridge/context';
import { useT } from '../../i18n/context';
import type { DictKey } from '../../i18n/dict';
import { formatDateTime } from '../../i18n/format';

export const ROLES: PersonRole[] = ['staff', 'visitor', 'unknown'];

export const roleKey = (role: PersonRole): DictKey => `people.role.${role}`;

export type ReviewResult = ApiResult<'identities.review'>;
/** Records a review decision; resolves with its result, or null when it failed (the error is shown by the screen). */
export type Review = (action: ReviewAction, done?: Done) => Promise<ReviewResult | null>;
/** What a decision did, said in the language on screen when it is shown (a role param is a PersonRole). */
export interface Done {
  key: DictKey;
  params?: Record<string, string | number>;
  /** An undo or redo: the decision it acted on. */
  decision?: { kind: string; summary: string };
}

/** The aligned 112×112 face of a face id; a grey square when there is none or it fails to load. */
export const FaceImg = memo(function FaceImg({ caseId, faceId, size, alt = '' }: { caseId: string; faceId: number | null; size: number; alt?: string }) {
  const bridge = useBridge();
  const [failed, setFailed] = useState(false);
  const style = { width: size, height: size };
  if (faceId === null || failed) return <span className="pp-face pp-face-none" style={style} aria-hidden="true" />;
  return (
    <img
      className="pp-face"
      style={style}
      src={bridge.mediaUrl(caseId, faceId, 'face')}
      alt={alt}
      loading="lazy"
      decoding="async"
      draggable={false}
      onError={() => setFailed(true)}
    />
  );
});

export function RoleBadge({ role }: { role: PersonRole }) {
  const { t } = useT();
  return (
    <span className={`pp-role pp-role-${role}`} data-role={role}>
      {t(roleKey(role))}
    </span>
  );
}

export function AuthNames({ person }: { person: PersonItem }) {
  const { lang } = useT();
  if (person.authentications.length === 0) return null;
  const sep = lang === 'zh' ? '、' : ', ';
  const text = person.authentications.map((a) => (a.phone ? `${a.name} ${a.phone}` : a.name)).join(sep);
  return (
    <span className="pp-auth" title={text} data-testid="person-auth">
      {text}
    </span>
  );
}

/** 2021-04-18 09:30 (the minutes are enough in a list; the title has the seconds). */
export function When({ iso }: { iso: string | null }) {
  const { lang } = useT();
  if (!iso) return <span className="muted">—</span>;
  const full = formatDateTime(iso, lang);
  const short = full.replace(/:\d{2}$/u, '');
  return (
    <time dateTime={iso} title={full}>
      {short}
    </time>
  );
}

/** Calls `fn` whenever `value` changes after the first render (a review changed the case: read again). */
export function useOnChange(value: unknown, fn: () => void): void {
  const first = useRef(true);
  const fnRef = useRef(fn);
  fnRef.current = fn;
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    fnRef.current();
  }, [value]);
}

export const percent = (share: number) => `${Math.round(share * 100)}%`;

/** What the People screen gives each of its suggestion panels. */
export interface SuggestionPanelProps {
  caseId: string;
  /** Bumped after every review change: the panel reloads. */
  rev: number;
  active: boolean;
  busy: boolean;
  review: Review;
  onOpen: (personId: number) => void;
  onTotal: (n: number) => void;
}
