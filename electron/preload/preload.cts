// Sandboxed preload (CommonJS, bundled to dist/electron/preload.cjs). It may require only `electron`.
// Exposes exactly one bridge: window.yadocho = { invoke(name, input), on(event, cb), printToPdf(fileName) }.

const { contextBridge, ipcRenderer } = require('electron') as typeof import('electron');

type Listener = (payload: unknown) => void;

const bridge = {
  invoke(name: string, input: unknown): Promise<unknown> {
    if (typeof name !== 'string') return Promise.reject(new TypeError('yadocho.invoke: name must be a string'));
    return ipcRenderer.invoke('yadocho:invoke', name, input);
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
};

contextBridge.exposeInMainWorld('yadocho', bridge);
