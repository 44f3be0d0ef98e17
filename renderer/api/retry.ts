// Write calls carry a fresh request id; when the answer is lost on the way (the server restarted, the network
// blinked), the call is sent once more with the same id. The core answers a repeated id with the first
// answer instead of running the write again, so the retry cannot record twice.

import type { Result } from '../../shared/contract/index.ts';

export type Invoke = (name: string, input: unknown, requestId: string | undefined) => Promise<Result<unknown>>;

/** A transport failure (no answer, or one that is not a Result), as opposed to an answer of the core. */
export const connectionLost: Result<unknown> = { ok: false, error: { code: 'internal', detail: 'connection_lost' } };

export function isConnectionLost(result: Result<unknown>): boolean {
  return !result.ok && result.error.code === 'internal' && result.error.detail === 'connection_lost';
}

export async function invokeWithRetry(
  invoke: Invoke,
  name: string,
  input: unknown,
  options: { writes: boolean; newId: () => string; pauseMs?: number },
): Promise<Result<unknown>> {
  const requestId = options.writes ? options.newId() : undefined;
  const first = await invoke(name, input, requestId);
  if (!isConnectionLost(first)) return first;
  await new Promise((resolve) => setTimeout(resolve, options.pauseMs ?? 300));
  return invoke(name, input, requestId);
}
