import { describe, expect, it } from 'vitest';
import { connectionLost, type Invoke, invokeWithRetry } from '../../renderer/api/retry.ts';
import type { Result } from '../../shared/contract/index.ts';

// The renderer's side of request ids: a write carries a fresh id, and a lost answer is retried once with it.

function recording(answers: Result<unknown>[]) {
  const sent: Array<{ name: string; requestId: string | undefined }> = [];
  const invoke: Invoke = async (name, _input, requestId) => {
    sent.push({ name, requestId });
    return answers.shift() ?? connectionLost;
  };
  return { invoke, sent };
}

let ids = 0;
const newId = () => `id-${++ids}`;

describe('the client’s retry', () => {
  it('sends a write again with the same id when the answer was lost, and only once', async () => {
    const { invoke, sent } = recording([connectionLost, { ok: true, value: 1 }]);
    const result = await invokeWithRetry(invoke, 'guests.create', {}, { writes: true, newId, pauseMs: 0 });
    expect(result).toEqual({ ok: true, value: 1 });
    expect(sent).toHaveLength(2);
    expect(sent[0]?.requestId).toMatch(/^id-/);
    expect(sent[1]?.requestId).toBe(sent[0]?.requestId);

    const lost = recording([connectionLost, connectionLost, { ok: true, value: 2 }]);
    expect(await invokeWithRetry(lost.invoke, 'guests.create', {}, { writes: true, newId, pauseMs: 0 })).toEqual(
      connectionLost,
    );
    expect(lost.sent).toHaveLength(2);
  });

  it('gives each write its own id, reads none, and does not retry an answer of the core', async () => {
    const { invoke, sent } = recording([
      { ok: false, error: { code: 'conflict', detail: 'edited_since' } },
      { ok: true, value: null },
      { ok: true, value: null },
    ]);
    await invokeWithRetry(invoke, 'guests.update', {}, { writes: true, newId, pauseMs: 0 });
    await invokeWithRetry(invoke, 'guests.update', {}, { writes: true, newId, pauseMs: 0 });
    await invokeWithRetry(invoke, 'guests.get', {}, { writes: false, newId, pauseMs: 0 });
    expect(sent.map((s) => s.requestId)).toEqual([expect.any(String), expect.any(String), undefined]);
    expect(sent[0]?.requestId).not.toBe(sent[1]?.requestId);
  });
});
