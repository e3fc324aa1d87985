import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import type { CardFieldErrorCode } from '../../shared/card/index.ts';
import { formatDateTime, formatWon } from '../format.ts';
import { en, enCardErrors } from './en.ts';
import { ko, koCardErrors, type MessageKey, type Messages } from './ko.ts';
import type { Locale } from './locale.ts';

export type { Locale, MessageKey };

type Params = Readonly<Record<string, string | number>>;

export interface I18n {
  readonly locale: Locale;
  setLocale(locale: Locale): void;
  /** The message for `key`, with `{name}` placeholders filled from `params`. */
  t(key: MessageKey, params?: Params): string;
  /** The message for `key` when the catalog has it (values that come from Toss, such as '신용'). */
  maybe(key: string): string | undefined;
  cardError(code: CardFieldErrorCode): string;
  won(amount: number): string;
  dateTime(epochMs: number): string;
}

const CATALOGS: Readonly<Record<Locale, Messages>> = { ko, en };
const CARD_ERRORS: Readonly<Record<Locale, Readonly<Record<CardFieldErrorCode, string>>>> = {
  ko: koCardErrors,
  en: enCardErrors,
};
const STORAGE_KEY = 'autopay.locale';

function fill(template: string, params: Params | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

export function makeI18n(locale: Locale, setLocale: (locale: Locale) => void): I18n {
  const messages = CATALOGS[locale];
  return {
    locale,
    setLocale,
    t: (key, params) => fill(messages[key], params),
    maybe: (key) => (Object.hasOwn(messages, key) ? messages[key as MessageKey] : undefined),
    cardError: (code) => CARD_ERRORS[locale][code],
    won: (amount) => formatWon(amount, locale),
    dateTime: (epochMs) => formatDateTime(epochMs, locale),
  };
}

const I18nContext = createContext<I18n>(makeI18n('ko', () => {}));

/** The language the person chose on this PC (Korean by default). */
export function storedLocale(): Locale {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ko';
}

/** Korean unless someone chose English on this PC. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);
  const value = useMemo(
    () =>
      makeI18n(locale, (next) => {
        localStorage.setItem(STORAGE_KEY, next);
        document.documentElement.lang = next;
        setLocaleState(next);
      }),
    [locale],
  );
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** Dates and times below this point in the store's zone, as main reports it in the app status. */
export function StoreTimeZone({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  const i18n = useI18n();
  const value = useMemo(
    () => ({ ...i18n, dateTime: (epochMs: number) => formatDateTime(epochMs, i18n.locale, timeZone) }),
    [i18n, timeZone],
  );
  return <I18nContext value={value}>{children}</I18nContext>;
}
