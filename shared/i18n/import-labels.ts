// Why a ledger row was set aside, in words, for the file of set-aside rows the core writes (the screens use
// the same words through i18next: renderer/i18n/imports.*.ts). A reason this table does not know is shown as
// its code, so a new reason is never lost, only untranslated.

export const SET_ASIDE_WORDS = {
  ja: { line: '行', reason: '取り込まなかった理由' },
  en: { line: 'Row', reason: 'Why it was not imported' },
} as const;

type Language = keyof typeof SET_ASIDE_WORDS;

/** Reasons in words, filled in from the cleansing rules' table. */
const REASON_WORDS: Record<Language, Record<string, string>> = { ja: {}, en: {} };

export function setAsideReasonWords(reason: string, language: Language): string {
  return REASON_WORDS[language][reason] ?? reason;
}

/** Errors of an import (the reader's, the mapping's), in words; filled from the reader's table. */
const ERROR_WORDS: Record<Language, Record<string, string>> = { ja: {}, en: {} };

export function importErrorWords(code: string, language: Language, params: Record<string, string> = {}): string {
  const text = ERROR_WORDS[language][code] ?? REASON_WORDS[language][code] ?? code;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => params[name] ?? '');
}
