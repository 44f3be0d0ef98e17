// Sandboxed preload (CommonJS, bundled to dist/electron/preload.cjs). It may require only `electron`.
// Exposes exactly one bridge: window.yadocho = { invoke(name, input, options?), on(event, cb), printToPdf(fileName),
// chooseFolder(current?) }.

const { contextBridge, ipcRenderer } = require('electron') as typeof import('electron');

type Listener = (payload: unknown) => void;

const bridge = {
  /** `options.requestId`: a write sent again with the same id is not recorded twice (main.ts checks it). */
  invoke(name: string, input: unknown, options?: { requestId?: string }): Promise<unknown> {
    if (typeof name !== 'string') return Promise.reject(new TypeError('yadocho.invoke: name must be a string'));
    if (options === undefined) return ipcRenderer.invoke('yadocho:invoke', name, input);
    const requestId = (options as { requestId?: unknown } | null)?.requestId;
    if (requestId !== undefined && typeof requestId !== 'string') {
      return Promise.reject(new TypeError('yadocho.invoke: options.requestId must be a string'));
    }
    // Only the known option crosses the bridge, copied: nothing else the page put on the object.
    return ipcRenderer.invoke('yadocho:invoke', name, input, requestId === undefined ? {} : { requestId });
  },
  on(event: string, cb: Listener): () => void {
    if (typeof event !== 'string' || typeof cb !== 'function') {
      throw new TypeError('yadocho.on: expected (event: string, cb: function)');
    }
    const listener = (_e: unknown, name: unknown, payload: unknown) => {
      if (name === event) cb(payload);
    };
    ipcRenderer.on('yadocho:event', listener);
    return () => {
      ipcRenderer.removeListener('yadocho:event', listener);
    };
  },
  /** Prints the page on screen (a print view) to an A4 PDF and asks where to save it; false when cancelled. */
  printToPdf(fileName: string): Promise<boolean> {
    if (typeof fileName !== 'string') {
      return Promise.reject(new TypeError('yadocho.printToPdf: fileName must be a string'));
    }
    return ipcRenderer.invoke('yadocho:print-to-pdf', fileName) as Promise<boolean>;
  },
  /** The system's folder picker for the backup folder, starting at `current`; the path chosen, or null. */
  chooseFolder(current?: string): Promise<string | null> {
    return ipcRenderer.invoke('yadocho:choose-folder', typeof current === 'string' ? current : '') as Promise<
      string | null
    >;
  },
};

contextBridge.exposeInMainWorld('yadocho', bridge);
