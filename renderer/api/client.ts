// The renderer's one way to the core: a typed `call(name, input)`, `onChanged(cb)` and `onProgress(cb)`.
// In Electron the preload exposes window.yadocho (IPC); in a browser the same contract is served over HTTP
// (POST /api/call/<name> with the per-launch token, and Server-Sent Events on /api/events).

import {
  type CallError,
  type CallInput,
  type CallName,
  type CallOutput,
  contract,
  type Result,
} from '../../shared/contract/index.ts';
import { type JobProgress, jobProgressSchema } from '../../shared/contract/jobs.ts';
import { REQUEST_ID_HEADER } from '../../shared/contract/request-id.ts';
import { type ChangeMerger, mergeChanges } from './changed-events.ts';
import { connectionLost, invokeWithRetry } from './retry.ts';

/** A call answered with `ok: false`. Carries the contract's CallError (code, detail, field issues). */
export class CallErrorException extends Error {
  readonly error: CallError;
  constructor(error: CallError) {
    super(error.detail ? `${error.code}: ${error.detail}` : error.code);
    this.name = 'CallErrorException';
    this.error = error;
  }
}

type ChangedListener = (tables: string[]) => void;
type ProgressListener = (progress: JobProgress) => void;
/** The events the core pushes (PushEvent), as raw payloads. */
type EventName = 'changed' | 'progress';

type Transport = {
  invoke(name: string, input: unknown, requestId: string | undefined): Promise<Result<unknown>>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
};

type Bridge = {
  invoke(name: string, input: unknown, options?: { requestId?: string }): Promise<unknown>;
  on(event: string, cb: (payload: unknown) => void): () => void;
};

const TOKEN_KEY = 'yadocho.token';

/**
 * Moves the launch token from the address (#token=…) to sessionStorage and removes it from the visible URL.
 * Runs once at start, before the router reads location.hash.
 */
export function captureToken(): void {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (!match?.[1]) return;
  sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
}

/** This launch's token for the HTTP door (empty in Electron, which needs none). */
export function authToken(): string {
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function tablesOf(payload: unknown): string[] {
  const tables = (payload as { tables?: unknown } | null)?.tables;
  return Array.isArray(tables) ? tables.filter((t): t is string => typeof t === 'string') : [];
}

function ipcTransport(bridge: Bridge): Transport {
  return {
    invoke: async (name, input, requestId) => {
      try {
        return (await bridge.invoke(
          name,
          input,
          requestId === undefined ? undefined : { requestId },
        )) as Result<unknown>;
      } catch {
        return connectionLost;
      }
    },
    on: (event, listener) => bridge.on(event, listener),
  };
}

function httpTransport(): Transport {
  const token = authToken;
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>([
    ['changed', new Set()],
    ['progress', new Set()],
  ]);
  let source: EventSource | undefined;
  const count = () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0);

  const connect = () => {
    source = new EventSource(`/api/events?token=${encodeURIComponent(token())}`);
    for (const [name, set] of listeners) {
      source.addEventListener(name, (event) => {
        let payload: unknown;
        try {
          payload = JSON.parse((event as MessageEvent<string>).data);
        } catch {
          return;
        }
        for (const listener of set) listener(payload);
      });
    }
  };

  return {
    invoke: async (name, input, requestId) => {
      try {
        const response = await fetch(`/api/call/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-yadocho-token': token(),
            ...(requestId === undefined ? {} : { [REQUEST_ID_HEADER]: requestId }),
          },
          body: JSON.stringify(input ?? {}),
        });
        const body = (await response.json()) as Result<unknown>;
        return body && typeof body === 'object' && 'ok' in body ? body : connectionLost;
      } catch {
        return connectionLost;
      }
    },
    on: (event, listener) => {
      listeners.get(event)?.add(listener);
      if (!source) connect();
      return () => {
        listeners.get(event)?.delete(listener);
        if (count() === 0) {
          source?.close();
          source = undefined;
        }
      };
    },
  };
}

function bridge(): Bridge | undefined {
  return (window as unknown as { yadocho?: Bridge }).yadocho;
}

/**
 * Whether this page runs in the desktop app (the preload put its bridge here) rather than in a browser tab
 * served by `npm run serve`: what to tell a person about reconnecting differs (there is no app to reopen in a
 * browser, but there is an address to open).
 */
export function inDesktopApp(): boolean {
  return bridge() !== undefined;
}

let transport: Transport | undefined;

function getTransport(): Transport {
  if (!transport) {
    const found = bridge();
    transport = found ? ipcTransport(found) : httpTransport();
  }
  return transport;
}

/**
 * Calls the core. Resolves with the call's output; rejects with CallErrorException on `ok: false`. A write
 * carries a fresh request id and is sent once more with it when the answer was lost (retry.ts).
 */
export async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const transport = getTransport();
  const result = await invokeWithRetry(transport.invoke, name, input, {
    writes: contract[name].writes,
    newId: () => crypto.randomUUID(),
  });
  if (!result.ok) throw new CallErrorException(result.error);
  return result.value as CallOutput<N>;
}

const changedListeners = new Set<ChangedListener>();
let changedFeed: { merger: ChangeMerger; unsubscribe: () => void } | undefined;

/**
 * Told when writes (here or on another PC) changed some tables: at once after a quiet spell, then at most once
 * per CHANGE_WINDOW_MS with every table changed meanwhile (changed-events.ts). Returns an unsubscribe function.
 */
export function onChanged(listener: ChangedListener): () => void {
  changedListeners.add(listener);
  if (!changedFeed) {
    const merger = mergeChanges((tables) => {
      for (const each of [...changedListeners]) {
        try {
          each(tables);
        } catch (error) {
          console.error('a changed listener failed', error); // the other screens still read again
        }
      }
    });
    const unsubscribe = getTransport().on('changed', (payload) => merger.push(tablesOf(payload)));
    changedFeed = { merger, unsubscribe };
  }
  return () => {
    changedListeners.delete(listener);
    if (changedListeners.size > 0 || !changedFeed) return;
    changedFeed.merger.stop();
    changedFeed.unsubscribe();
    changedFeed = undefined;
  };
}

/** Told how far each long job has got, and when it ends (its last event has a final state). */
export function onProgress(listener: ProgressListener): () => void {
  return getTransport().on('progress', (payload) => {
    const progress = jobProgressSchema.safeParse(payload);
    if (progress.success) listener(progress.data);
  });
}
