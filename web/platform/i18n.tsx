import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { setApiLanguage } from './api.js';
import { platformEn, platformSv } from './i18n-platform.js';
import { orgEn, orgSv } from '../modules/organization/i18n/index.js';
import { auditEn, auditSv } from '../modules/audit-trail/i18n.js';
import { goalsEn, goalsSv } from '../modules/goals/i18n.js';
import { documentsEn, documentsSv } from '../modules/documents/i18n.js';
import { servicesEn, servicesSv } from '../modules/services/i18n.js';
import { revisionEn, revisionSv } from '../modules/revision/i18n.js';
import { portfolioEn, portfolioSv } from '../modules/portfolio/i18n.js';

export type Lang = 'sv' | 'en';
/** Swedish is the source; English must have every key (checked by the type). */
const sv = {
  ...platformSv,
  ...orgSv,
  ...auditSv,
  ...goalsSv,
  ...documentsSv,
  ...servicesSv,
  ...revisionSv,
  ...portfolioSv,
};
export type MessageKey = keyof typeof sv;
const en: Record<MessageKey, string> = {
  ...platformEn,
  ...orgEn,
  ...auditEn,
  ...goalsEn,
  ...documentsEn,
  ...servicesEn,
  ...revisionEn,
  ...portfolioEn,
};
const dictionaries: Record<Lang, Record<MessageKey, string>> = { sv, en };

type I18n = {
  lang: Lang;
  setLang: (l: Lang) => void;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
};
const Ctx = createContext<I18n | null>(null);

const initialLang = (): Lang => (localStorage.getItem('styrbord.lang') === 'en' ? 'en' : 'sv');

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const l = initialLang();
    setApiLanguage(l);
    document.documentElement.lang = l;
    return l;
  });
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem('styrbord.lang', l);
    setApiLanguage(l);
    document.documentElement.lang = l;
    setLangState(l);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params = {}) =>
        (dictionaries[lang][key] ?? key).replace(/\{(\w+)\}/g, (_, n: string) =>
          String(params[n] ?? `{${n}}`),
        ),
    }),
    [lang, setLang],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('I18nProvider missing');
  return v;
}

/** Dates, numbers and times in Swedish form (sv-SE) whatever the UI language, as the region writes them. */
export const formatDate = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '—');
export const formatDateTime = (iso: string | null | undefined) =>
  iso
    ? new Date(iso).toLocaleString('sv-SE', {
        timeZone: 'Europe/Stockholm',
        dateStyle: 'short',
        timeStyle: 'short',
      })
    : '—';
export const formatNumber = (n: number) => n.toLocaleString('sv-SE');
