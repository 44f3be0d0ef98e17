import { enImportErrors } from './import-errors.en.ts';
import { jaImportErrors } from './import-errors.ja.ts';
import { enImports } from './imports.en.ts';
import { jaImports } from './imports.ja.ts';

// An import's words where no i18next runs: the file of set-aside rows the core writes and `npm run import` on
// a terminal. The same tables the screens use (renderer/i18n/ja.ts and en.ts spread them), so a reason reads
// the same in the file, on the terminal and on the screen. A code not in the tables is shown as the code:
// never lost, only untranslated.

type Language = 'ja' | 'en';

export const SET_ASIDE_WORDS = {
  ja: { line: '行', reason: '取り込まなかった理由' },
  en: { line: 'Row', reason: 'Why it was not imported' },
} as const;

const IMPORTS = { ja: jaImports, en: enImports } as const;
const ERRORS: Record<Language, Record<string, string>> = { ja: jaImportErrors, en: enImportErrors };

export function setAsideReasonWords(reason: string, language: Language): string {
  return (IMPORTS[language].setAside as Record<string, string>)[reason] ?? reason;
}

/** A file or mapping problem of an import in words, with its values filled in. */
export function importErrorWords(code: string, language: Language, params: Record<string, string> = {}): string {
  const text =
    ERRORS[language][code] ??
    (IMPORTS[language].mappingIssue as Record<string, string>)[code] ??
    setAsideReasonWords(code, language);
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => params[name] ?? '');
}

/** A column's field in words (`none`: not imported). */
export function importFieldWords(field: string, language: Language): string {
  return (IMPORTS[language].field as Record<string, string>)[field] ?? field;
}
