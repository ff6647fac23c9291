import { Fragment, createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { MESSAGES, formatMessage, type Lang, type MessageCode } from '../../../shared/messages';
import { en, zh, type DictKey } from './dict';
import type { UiError } from '../bridge/errors';

type Params = Record<string, string | number>;
const DICTS: Record<Lang, Record<DictKey, string>> = { zh, en };
const STORAGE_KEY = 'faceaudit.lang';

function fill(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** Fills a template whose placeholders may be React nodes (e.g. a number wrapped in a test-id span). */
function fillNodes(template: string, params: Record<string, ReactNode>): ReactNode[] {
  const out: ReactNode[] = [];
  const re = /\{(\w+)\}/g;
  let last = 0;
  let m: RegExpExecArray | null;
  let i = 0;
  while ((m = re.exec(template))) {
    if (m.index > last) out.push(template.slice(last, m.index));
    const name = m[1]!;
    out.push(Object.hasOwn(params, name) ? <Fragment key={`p${i++}`}>{params[name]}</Fragment> : m[0]);
    last = m.index + m[0].length;
  }
  if (last < template.length) out.push(template.slice(last));
  return out;
}

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  toggleLang(): void;
  t(key: DictKey, params?: Params): string;
  /** Like t, but placeholders can be elements. */
  tn(key: DictKey, params: Record<string, ReactNode>): ReactNode[];
  /** A string key that may or may not be in the dictionary (e.g. a job phase sent by the service). */
  tMaybe(key: string, fallback: string): string;
  formatError(error: UiError): string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'zh' || saved === 'en') return saved;
  } catch {
    /* storage unavailable */
  }
  return 'zh';
}

function isMessageCode(code: string): code is MessageCode {
  return Object.hasOwn(MESSAGES, code);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `${DICTS[lang]['app.title']} · FaceAudit`;
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      /* storage unavailable */
    }
  }, [lang]);

  const setLang = useCallback((l: Lang) => setLangState(l), []);
  const toggleLang = useCallback(() => setLangState((l) => (l === 'zh' ? 'en' : 'zh')), []);

  const value = useMemo<I18n>(() => {
    const dict = DICTS[lang];
    const t = (key: DictKey, params?: Params) => fill(dict[key], params);
    return {
      lang,
      setLang,
      toggleLang,
      t,
      tn: (key, params) => fillNodes(dict[key], params),
      tMaybe: (key, fallback) => (Object.hasOwn(dict, key) ? dict[key as DictKey] : fallback),
      formatError: (error) => {
        if (isMessageCode(error.code)) {
          try {
            return formatMessage(error.code, error.params ?? {}, lang);
          } catch {
            /* malformed params: fall through to the service's own text */
          }
        }
        const key = `err.${error.code}`;
        if (Object.hasOwn(dict, key)) return fill(dict[key as DictKey], error.params);
        return error.message || fill(dict['err.bridge.unknown'], { details: error.code });
      },
    };
  }, [lang, setLang, toggleLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useT(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useT() outside <I18nProvider>');
  return ctx;
}
