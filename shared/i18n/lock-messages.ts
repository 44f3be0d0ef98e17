// The refusal printed when a second program opens a database file another one holds (db/lock.ts). Printed by
// `npm run serve` on the terminal and by the desktop app in a dialog box, before any window or i18next exists,
// so it has its own small table here, in the system's language.

export type MessageLanguage = 'ja' | 'en';

/** What the message names: the holder as written in the lock file, and the files involved. */
export type LockedFacts = {
  holder: { pid: number; host: string; door: 'desktop' | 'serve' | 'import'; address?: string; since: string };
  databaseFile: string;
  lockFile: string;
  /** The holder runs on another host: its process cannot be checked from here. */
  foreignHost: boolean;
};

// Terminal words, like electron/launch/messages.ts: a command, path, address or number is set apart by a space
// on each side (和欧間), the particle after it included, so that a terminal selects or opens the path or link
// whole. The screens' rule (a value followed directly by its particle) is the renderer's, in renderer/i18n.
const words = {
  ja: {
    title: '宿帳を起動できません',
    door: { desktop: 'デスクトップアプリ', serve: 'npm run serve', import: 'npm run import' },
    at: (door: string, address: string) => `${door}（${address}）`,
    lead: 'このデータベースは、別の宿帳がすでに開いています。',
    holder: (door: string, pid: number, host: string, since: string) =>
      `使用中: ${door}（プロセス ${pid}、${host}、${since} から）`,
    advice: '1つのデータベースファイルを使えるのは1つのプログラムだけです。そちらを使うか、先に閉じてください。',
    foreign: '別のコンピューターで動いているため、ここからは確認できません。',
    stale: (lockFile: string) => `そのプログラムが動いていないことが確かなら、${lockFile} を削除してください。`,
    file: (file: string) => `ファイル: ${file}`,
  },
  en: {
    title: 'Yadocho cannot start',
    door: { desktop: 'the desktop app', serve: 'npm run serve', import: 'npm run import' },
    at: (door: string, address: string) => `${door} at ${address}`,
    lead: 'This database is already open in another Yadocho.',
    holder: (door: string, pid: number, host: string, since: string) =>
      `Held by: ${door} (process ${pid} on ${host}, since ${since})`,
    advice: 'Only one program can use a database file at a time: use that one, or close it first.',
    foreign: 'It runs on another computer, so it cannot be checked from here.',
    stale: (lockFile: string) => `If you are sure that program is not running, delete ${lockFile}.`,
    file: (file: string) => `File: ${file}`,
  },
} as const;

function readableTime(iso: string, language: MessageLanguage): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(language === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export function databaseLockedTitle(language: MessageLanguage): string {
  return words[language].title;
}

/** The refusal, several lines: who holds the file, what to do, which file. */
export function databaseLockedMessage(facts: LockedFacts, language: MessageLanguage): string {
  const w = words[language];
  const { holder } = facts;
  const door = holder.address ? w.at(w.door[holder.door], holder.address) : w.door[holder.door];
  return [
    w.lead,
    w.holder(door, holder.pid, holder.host, readableTime(holder.since, language)),
    w.advice,
    ...(facts.foreignHost ? [w.foreign] : []),
    w.stale(facts.lockFile),
    w.file(facts.databaseFile),
  ].join('\n');
}

/**
 * The system's language for messages printed outside the renderer: LC_ALL, then LC_MESSAGES, then LANG (as
 * POSIX orders them; "C" and "POSIX" say nothing), else the locale Intl reports (Windows, macOS apps).
 */
export function systemLanguage(env: Record<string, string | undefined>, intlLocale: string): MessageLanguage {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (!value || value === 'C' || value === 'POSIX' || value.startsWith('C.')) continue;
    return value.toLowerCase().startsWith('ja') ? 'ja' : 'en';
  }
  return intlLocale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
