// Electron main process: hosts the core's worker thread (electron/core-host) and serves the built renderer over
// app://yadocho/. The core runs in the worker, so a long job never holds up IPC or the windows.
// Bundled by electron/launch/bundle.ts into dist/electron/main.cjs (CommonJS: `__dirname` is that folder), the
// worker into dist/electron/core-worker.cjs beside it.
//
// Environment:
//   YADOCHO_USER_DATA  overrides app.getPath('userData') (the database lives there); used by tests.
//   YADOCHO_DATA_DIR   the same, under the name `npm run serve` uses (electron/launch/data-dir.ts).
// Arguments:
//   --demo             load demo data into an empty register at start.

import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  type IpcMainInvokeEvent,
  ipcMain,
  net,
  type OpenDialogOptions,
  protocol,
  type SaveDialogOptions,
  session,
  type WebContents,
} from 'electron';
import { type DatabaseLock, lockDatabase } from '../../db/lock.ts';
import { preparePrivateDatabase } from '../../db/private-files.ts';
import { isRequestId } from '../../shared/contract/request-id.ts';
import type { CallOptions } from '../core/create-core.ts';
import { type CoreHost, startCoreHost, WORKER_SOURCE } from '../core-host/host.ts';
import { RENDERER_CSP } from '../http/csp.ts';
import { DATABASE_FILE } from '../launch/data-dir.ts';
import { launcherLanguage, launchWords } from '../launch/messages.ts';
import { LOCKED_EXIT_CODE, lockRefusal } from '../launch/open-locked.ts';
import { safePdfFileName } from '../sheets/file-name.ts';
import { resolveRendererFile } from './renderer-files.ts';

const SCHEME = 'app';
const HOST = 'yadocho';
const ORIGIN = `${SCHEME}://${HOST}`;
const START_URL = `${ORIGIN}/index.html`;
const RENDERER_DIR = path.resolve(__dirname, '..', 'renderer');
const PRELOAD = path.join(__dirname, 'preload.cjs');
// The bundle's worker beside main.cjs; main.ts run from source (tests) starts the worker's .ts instead.
const BUNDLED_WORKER = path.join(__dirname, 'core-worker.cjs');
const CORE_WORKER = existsSync(BUNDLED_WORKER) ? BUNDLED_WORKER : WORKER_SOURCE;
// Linux takes a window's icon from the window (Windows and macOS from the .exe and the .app): the app's own,
// from the project root (dist/electron/../..) as from the packaged app, where electron-builder.yml packs it.
const WINDOW_ICON = path.resolve(__dirname, '..', '..', 'resources', 'icons', '512x512.png');

app.setName('Yadocho');
const userDataOverride = process.env.YADOCHO_USER_DATA || process.env.YADOCHO_DATA_DIR;
if (userDataOverride) app.setPath('userData', path.resolve(userDataOverride));

// Must run before `ready`.
protocol.registerSchemesAsPrivileged([
  { scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

function isAppUrl(url: string | undefined): boolean {
  return typeof url === 'string' && url.startsWith(`${ORIGIN}/`);
}

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { 'content-type': 'text/plain', 'content-security-policy': RENDERER_CSP },
  });
}

async function serveRenderer(request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
  const file = resolveRendererFile(request.url, ORIGIN, RENDERER_DIR);
  if (!file) return notFound();
  let upstream: Response;
  try {
    // net.fetch on file:// gives Chromium's MIME types and reads from app.asar when packaged.
    upstream = await net.fetch(pathToFileURL(file).toString());
  } catch {
    return notFound();
  }
  if (!upstream.ok) return notFound();
  const headers = new Headers(upstream.headers);
  headers.set('content-security-policy', RENDERER_CSP);
  headers.set('x-content-type-options', 'nosniff');
  headers.set('cache-control', 'no-cache');
  return new Response(upstream.body, { status: 200, headers });
}

function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    show: false,
    title: 'Yadocho',
    ...(process.platform === 'linux' && existsSync(WINDOW_ICON) ? { icon: WINDOW_ICON } : {}),
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(START_URL);
  return win;
}

/**
 * Save as PDF: prints the sender's own page (the print view on screen) to A4 and writes it where the person
 * chooses. Only the app's page may ask; the file name it suggests is only a suggestion. False when cancelled.
 */
async function printToPdf(event: IpcMainInvokeEvent, fileName: unknown): Promise<boolean> {
  if (!isAppUrl(event.senderFrame?.url)) throw new Error('yadocho:print-to-pdf refused: sender is not the app');
  const pdf = await event.sender.printToPDF({ pageSize: 'A4', printBackground: true });
  const options: SaveDialogOptions = {
    defaultPath: path.join(app.getPath('documents'), safePdfFileName(fileName)),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  };
  const owner = BrowserWindow.fromWebContents(event.sender);
  const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return false;
  await writeFile(choice.filePath, pdf);
  return true;
}

/**
 * The backup folder's 「選択…」 (設定 → バックアップ): the system's folder picker, starting at the folder typed so far.
 * Only the app's page may ask; it gets the path chosen, or null when the person closed the picker. The path is
 * then saved through backups.configure like a typed one, and checked there.
 */
async function chooseFolder(event: IpcMainInvokeEvent, current: unknown): Promise<string | null> {
  if (!isAppUrl(event.senderFrame?.url)) throw new Error('yadocho:choose-folder refused: sender is not the app');
  const options: OpenDialogOptions = { properties: ['openDirectory', 'createDirectory'] };
  if (typeof current === 'string' && path.isAbsolute(current)) options.defaultPath = current;
  const owner = BrowserWindow.fromWebContents(event.sender);
  const choice = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
  return choice.canceled ? null : (choice.filePaths[0] ?? null);
}

/** invoke's optional third argument: `{ requestId }` (shared/contract/request-id.ts), nothing else. */
function callOptions(options: unknown): CallOptions | undefined {
  if (options === undefined) return undefined;
  const requestId = (options as { requestId?: unknown } | null)?.requestId;
  if (typeof options !== 'object' || options === null || (requestId !== undefined && !isRequestId(requestId))) {
    throw new Error('yadocho:invoke refused: options must be { requestId } with a valid request id');
  }
  return requestId === undefined ? undefined : { requestId };
}

function broadcast(event: string, payload: unknown): void {
  for (const win of BrowserWindow.getAllWindows()) {
    if (!win.isDestroyed() && !win.webContents.isDestroyed()) win.webContents.send('yadocho:event', event, payload);
  }
}

function start(): void {
  let core: CoreHost | undefined;
  let stopEvents: Array<() => void> = [];
  let closed = false;
  let lock: DatabaseLock | undefined;

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  app.on('window-all-closed', () => app.quit());

  // Quitting waits for the worker to stop its jobs and close the database, then quits for real.
  app.on('will-quit', (event) => {
    if (closed || !core) {
      lock?.release();
      return;
    }
    event.preventDefault();
    for (const stop of stopEvents) stop();
    stopEvents = [];
    void core
      .close()
      .catch((error: unknown) => console.error('closing the core failed', error))
      .finally(() => {
        closed = true;
        lock?.release();
        app.quit();
      });
  });
  // Ctrl+C in a terminal or a system shutdown: quit as from the menu, so the database and its lock are closed.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  void app
    .whenReady()
    .then(async () => {
      session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
      session.defaultSession.setPermissionCheckHandler(() => false);
      protocol.handle(SCHEME, serveRenderer);

      // userData is the app's own folder: kept 0700 and the database 0600 (POSIX). One process per file:
      // `npm run serve` on the same file refuses to start while this holds the lock, and vice versa.
      const file = path.join(app.getPath('userData'), DATABASE_FILE);
      preparePrivateDatabase(file);
      lock = lockDatabase(file, { door: 'desktop' });
      const readyCore = await startCoreHost({ file, entry: CORE_WORKER });
      core = readyCore;
      stopEvents = [
        readyCore.onChanged((tables) => broadcast('changed', { tables })),
        readyCore.onProgress((progress) => broadcast('progress', progress)),
        readyCore.onStopped((reason) => {
          const words = launchWords[launcherLanguage()];
          dialog.showErrorBox(words.desktopStoppedTitle, words.desktopStopped(reason));
          closed = true;
          lock?.release();
          app.exit(1);
        }),
      ];

      ipcMain.handle('yadocho:invoke', (event, name: unknown, input: unknown, options?: unknown) => {
        if (!isAppUrl(event.senderFrame?.url)) throw new Error('yadocho:invoke refused: sender is not the app');
        if (typeof name !== 'string') throw new Error('yadocho:invoke refused: call name must be a string');
        return readyCore.call(name, input, callOptions(options));
      });
      ipcMain.handle('yadocho:print-to-pdf', printToPdf);
      ipcMain.handle('yadocho:choose-folder', chooseFolder);

      if (process.argv.includes('--demo')) {
        try {
          await readyCore.call('demo.load', { count: 500, ifEmpty: true });
        } catch (error) {
          console.error('demo.load failed', error);
        }
      }

      createWindow();
    })
    .catch((error: unknown) => {
      // Another program holds the database: say which, in the system's language (LANG…, else Intl's locale).
      const refusal = lockRefusal(error, path.join(app.getPath('userData'), DATABASE_FILE));
      if (refusal) {
        console.error(`${refusal.title}\n${refusal.message}`);
        dialog.showErrorBox(refusal.title, refusal.message);
        app.exit(LOCKED_EXIT_CODE);
        return;
      }
      console.error('Yadocho could not start', error);
      const words = launchWords[launcherLanguage()];
      const reason = error instanceof Error ? error.message : String(error);
      dialog.showErrorBox(words.desktopStartFailedTitle, words.desktopStartFailed(reason));
      app.exit(1);
    });
}

if (app.requestSingleInstanceLock()) {
  start();
} else {
  app.quit();
}
