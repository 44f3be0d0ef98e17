// Sandboxed preload (CommonJS, bundled to dist/electron/preload.cjs). It may require only `electron`.
// Exposes exactly one bridge: window.yadocho = { invoke(name, input), on(event, cb) }.

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
};

contextBridge.exposeInMainWorld('yadocho', bridge);
