import type { Lang } from '../../shared/messages';

/** The CLI speaks Chinese when the environment asks for it (FACEAUDIT_LANG, else the locale), English otherwise. */
export function cliLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const wanted = env.FACEAUDIT_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '';
  return wanted.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
