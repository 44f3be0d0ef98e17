import { type MessageLanguage, systemLanguage } from '../../shared/i18n/lock-messages.ts';

// What the launchers (the terminal ones, and the desktop app's dialog boxes) say when they cannot go on, besides the lock's refusal
// (shared/i18n/lock-messages.ts): in the system's language as that one is, since no i18next runs here.
// Plain sentences a person can act on; never a stack trace.

/** The system's language for the launchers' messages: LC_ALL / LC_MESSAGES / LANG, else what Intl reports. */
export function launcherLanguage(): MessageLanguage {
  return systemLanguage(process.env, Intl.DateTimeFormat().resolvedOptions().locale);
}

export const launchWords = {
  ja: {
    electronNotInstalled: 'Electron がインストールされていません。先に `npm install` を実行してください。',
    downloading: 'Electron 本体がまだダウンロードされていません。一度だけダウンロードします（約100 MB）...',
    downloadFailed: (serve: string) => [
      'Electron をダウンロードできませんでした（配布元にインターネットで接続できない？）。そのため、デスクトップのウィンドウは開けません。',
      `代わりに \`${serve}\` で、同じアプリをブラウザで開けます。`,
      'インターネットに接続できるときに `npm start`（または `npx install-electron`）をもう一度実行すると、Electron を取得します。',
    ],
    downloadSaid: (reason: string) => `（ダウンロード時のエラー: ${reason}）`,
    buildMissing:
      'dist/electron/main.cjs がありません。先に `npm run build` を実行してください（`npm start` は自動で実行します）。',
    couldNotStart: (reason: string) => `Electron を起動できませんでした: ${reason}`,
    portTitle: (port: number) => `宿帳を起動できません: ポート ${port} は使用中です`,
    portYadocho: (url: string) => `別の宿帳がすでに ${url} で動いています（別のデータファイルで）。`,
    portYadochoAdvice: 'そちらが表示したアドレスを開くか、先にそちらを止めてください（そのターミナルで Ctrl+C）。',
    portOther: (address: string) => `別のプログラムが ${address} を使っています。`,
    portChoose: (command: string) => `別のポートで起動するには: ${command}`,
    desktopStoppedTitle: '宿帳が止まりました',
    desktopStopped: (reason: string) =>
      `データベースを使い続けられなくなったため、宿帳を閉じます（${reason}）。もう一度起動してください。繰り返すときは、このメッセージを PC の管理者に伝えてください。`,
    desktopStartFailedTitle: '宿帳を起動できません',
    desktopStartFailed: (reason: string) =>
      `起動の途中でエラーになりました（${reason}）。もう一度起動してください。繰り返すときは、このメッセージを PC の管理者に伝えてください。`,
  },
  en: {
    electronNotInstalled: 'Electron is not installed: run `npm install` first.',
    downloading: 'The Electron binary is not downloaded yet: downloading it once (about 100 MB)...',
    downloadFailed: (serve: string) => [
      'Electron could not be downloaded (no internet access to its release files?), so the desktop window cannot open.',
      `\`${serve}\` opens the same app in a browser instead.`,
      'With internet access, run `npm start` again (or `npx install-electron`) to fetch Electron.',
    ],
    downloadSaid: (reason: string) => `(The download said: ${reason})`,
    buildMissing: 'dist/electron/main.cjs is missing: run `npm run build` first (`npm start` does).',
    couldNotStart: (reason: string) => `Could not start Electron: ${reason}`,
    portTitle: (port: number) => `Yadocho cannot start: port ${port} is in use`,
    portYadocho: (url: string) => `Another Yadocho is already running at ${url} (with another data file).`,
    portYadochoAdvice: 'Open the address it printed, or stop it first (Ctrl+C in its terminal).',
    portOther: (address: string) => `Another program is using ${address}.`,
    portChoose: (command: string) => `To start on another port: ${command}`,
    desktopStoppedTitle: 'Yadocho stopped',
    desktopStopped: (reason: string) =>
      `The database could not be kept working (${reason}), so Yadocho is closing. Start it again; if this happens again, show this message to whoever looks after this PC.`,
    desktopStartFailedTitle: 'Yadocho could not start',
    desktopStartFailed: (reason: string) =>
      `Starting failed (${reason}). Start it again; if this happens again, show this message to whoever looks after this PC.`,
  },
} as const;
