// A stand-in for the `electron` module (the Electron binary cannot run here): enough of app, BrowserWindow,
// dialog, ipcMain, net, protocol and session for electron/main/main.ts to start as it would in the app. Tests
// mock `electron` with `electron` below and read what main.ts did from `stand`.

type Handler = (event: unknown, ...args: unknown[]) => unknown;

export const stand = {
  dirs: { userData: '', documents: '' },
  ipc: new Map<string, Handler>(),
  appEvents: new Map<string, (...args: unknown[]) => void>(),
  quits: 0,
  saveDialog: { canceled: false, filePath: '' as string | undefined },
  openDialog: { canceled: false, filePaths: [] as string[] },
  dialogCalls: [] as unknown[][],
  /** The error boxes main.ts showed, [title, message], and the codes it exited with. */
  errorBoxes: [] as Array<[string, string]>,
  exits: [] as number[],
  /** What main.ts sent to the windows on 'yadocho:event': [channel, event name, payload]. */
  sent: [] as unknown[][],
};

class BrowserWindow {
  static windows: BrowserWindow[] = [];
  static getAllWindows() {
    return BrowserWindow.windows;
  }
  static fromWebContents() {
    return null;
  }
  webContents = {
    isDestroyed: () => false,
    send: (...args: unknown[]) => stand.sent.push(args),
  };
  /** What main.ts asked of the window (size, icon, web preferences). */
  options: Record<string, unknown>;
  constructor(options: Record<string, unknown> = {}) {
    this.options = options;
    BrowserWindow.windows.push(this);
  }
  isDestroyed() {
    return false;
  }
  once() {}
  loadURL() {
    return Promise.resolve();
  }
}

export const electron = {
  app: {
    setName() {},
    setPath() {},
    getPath: (name: 'userData' | 'documents') => stand.dirs[name],
    on: (event: string, listener: (...args: unknown[]) => void) => stand.appEvents.set(event, listener),
    whenReady: () => Promise.resolve(),
    requestSingleInstanceLock: () => true,
    quit() {
      stand.quits++;
    },
    exit(code = 0) {
      stand.exits.push(code);
    },
  },
  BrowserWindow,
  dialog: {
    showSaveDialog: async (...args: unknown[]) => {
      stand.dialogCalls.push(args);
      return stand.saveDialog;
    },
    showOpenDialog: async (...args: unknown[]) => {
      stand.dialogCalls.push(args);
      return stand.openDialog;
    },
    showErrorBox(title: string, message: string) {
      stand.errorBoxes.push([title, message]);
    },
  },
  ipcMain: { handle: (channel: string, handler: Handler) => stand.ipc.set(channel, handler) },
  net: { fetch: () => Promise.reject(new Error('not used')) },
  protocol: { registerSchemesAsPrivileged() {}, handle() {} },
  session: { defaultSession: { setPermissionRequestHandler() {}, setPermissionCheckHandler() {} } },
};
