import { type MessageLanguage, systemLanguage } from '../../shared/i18n/lock-messages.ts';

// What the terminal launchers say when they cannot go on, besides the lock's refusal
// (shared/i18n/lock-messages.ts): in the system's language as that one is, since no i18next runs here.
// Plain sentences a person can act on; never a stack trace.

/** The system's language for the launchers' messages: LC_ALL / LC_MESSAGES / LANG, else what Intl reports. */
export function launcherLanguage(): MessageLanguage {
  return systemLanguage(process.env, Intl.DateTimeFormat().resolvedOptions().locale);
}

export const launchWords = {
  ja: {
    portTitle: (port: number) => `宿帳を起動できません: ポート ${port} は使用中です`,
    portYadocho: (url: string) => `別の宿帳がすでに ${url} で動いています（別のデータファイルで）。`,
    portYadochoAdvice: 'そちらが表示したアドレスを開くか、先にそちらを止めてください（そのターミナルで Ctrl+C）。',
    portOther: (address: string) => `別のプログラムが ${address} を使っています。`,
    portChoose: (command: string) => `別のポートで起動するには: ${command}`,
  },
  en: {
    portTitle: (port: number) => `Yadocho cannot start: port ${port} is in use`,
    portYadocho: (url: string) => `Another Yadocho is already running at ${url} (with another data file).`,
    portYadochoAdvice: 'Open the address it printed, or stop it first (Ctrl+C in its terminal).',
    portOther: (address: string) => `Another program is using ${address}.`,
    portChoose: (command: string) => `To start on another port: ${command}`,
  },
} as const;
