import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deskFirst, nextTurn } from '../../electron/core/desk-first.ts';
import { createInbox, deskPacing } from '../../electron/core/sync/desk-first.ts';

// Other PCs' batches give way to staff's calls in the core's one thread (sync/desk-first.ts): in order, once
// the desk pauses, yet never held back for good. On a fake clock: the waits are the subject, not the machine.

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the desk before sync', () => {
  it('handles messages in order, a batch only once staff pause, and a light message at the next turn', async () => {
    let lastCallAt = Date.now();
    const paused = deskFirst({ lastCallAt: () => lastCallAt, now: () => Date.now(), quietMs: 40, maxWaitMs: 5_000 });
    const handled: unknown[] = [];
    const inbox = createInbox(
      (message) => (message === 'batch' ? paused() : nextTurn()),
      (message) => {
        handled.push(message);
      },
      (error) => {
        throw error;
      },
    );
    inbox.push('ack');
    inbox.push('batch');
    inbox.push('have');
    await vi.advanceTimersByTimeAsync(1);
    expect(handled).toEqual(['ack']);
    // Staff are typing: a call every 10 ms for 200 ms. The batch waits, and the message behind it too.
    for (let i = 0; i < 20; i++) {
      lastCallAt = Date.now();
      await vi.advanceTimersByTimeAsync(10);
      expect(handled).toEqual(['ack']);
    }
    lastCallAt = Date.now();
    await vi.advanceTimersByTimeAsync(35);
    expect(handled).toEqual(['ack']);
    await vi.advanceTimersByTimeAsync(10);
    expect(handled).toEqual(['ack', 'batch', 'have']);
  });

  it('does not hold a batch back longer than its longest wait while the desk is busy all the time', async () => {
    const paused = deskFirst({ lastCallAt: () => Date.now(), now: () => Date.now(), quietMs: 40, maxWaitMs: 100 });
    const handled: unknown[] = [];
    const inbox = createInbox(
      () => paused(),
      (message) => {
        handled.push(message);
      },
      (error) => {
        throw error;
      },
    );
    inbox.push('batch 1');
    inbox.push('batch 2');
    await vi.advanceTimersByTimeAsync(95);
    expect(handled).toEqual([]);
    await vi.advanceTimersByTimeAsync(10);
    expect(handled).toEqual(['batch 1']);
    await vi.advanceTimersByTimeAsync(105);
    expect(handled).toEqual(['batch 1', 'batch 2']);
  });

  it('drops what waits once the connection is closed', async () => {
    const handled: unknown[] = [];
    const inbox = createInbox(
      () => new Promise<void>((resolve) => setTimeout(resolve, 20)),
      (message) => {
        handled.push(message);
      },
      (error) => {
        throw error;
      },
    );
    inbox.push('a');
    inbox.push('b');
    inbox.close();
    inbox.push('c');
    await vi.advanceTimersByTimeAsync(100);
    expect(handled).toEqual([]);
  });

  it('a message whose handling throws ends its connection, not the thread: nothing after it is handled', async () => {
    const handled: unknown[] = [];
    const failures: unknown[] = [];
    const inbox = createInbox(
      () => nextTurn(),
      (message) => {
        if (message === 'members') throw new Error('sync.json could not be written');
        handled.push(message);
      },
      (error) => failures.push(error),
    );
    inbox.push('have');
    inbox.push('members');
    inbox.push('txs');
    await vi.advanceTimersByTimeAsync(5);
    inbox.push('ack');
    await vi.advanceTimersByTimeAsync(5);
    expect(handled).toEqual(['have']);
    expect(failures).toHaveLength(1);
  });

  it('a message still being handled (a batch applied in parts) holds the next one back until it is done', async () => {
    const handled: string[] = [];
    let finishBatch = () => {};
    const inbox = createInbox(
      () => nextTurn(),
      (message) => {
        handled.push(`${message} begun`);
        if (message !== 'batch') return undefined;
        return new Promise<void>((resolve) => {
          finishBatch = () => {
            handled.push('batch done');
            resolve();
          };
        });
      },
      (error) => {
        throw error;
      },
    );
    inbox.push('batch');
    inbox.push('ack');
    await vi.advanceTimersByTimeAsync(50);
    expect(handled).toEqual(['batch begun']);
    finishBatch();
    await vi.advanceTimersByTimeAsync(5);
    expect(handled).toEqual(['batch begun', 'batch done', 'ack begun']);
  });

  it('applies a batch in small parts while staff are at work, and whole once they have paused', async () => {
    let lastCallAt = 0;
    const pacing = deskPacing({ lastCallAt: () => lastCallAt, now: () => Date.now(), part: 10, busyMs: 2_000 });
    expect(pacing.part()).toBe(Number.POSITIVE_INFINITY);
    lastCallAt = Date.now();
    expect(pacing.part()).toBe(10);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(pacing.part()).toBe(10);
    await vi.advanceTimersByTimeAsync(1);
    expect(pacing.part()).toBe(Number.POSITIVE_INFINITY);
    // Between two parts: the next one goes on at a later turn of the event loop, never in this one.
    const order: string[] = [];
    pacing.between(() => order.push('next part'));
    order.push('this turn goes on');
    await Promise.resolve();
    expect(order).toEqual(['this turn goes on']);
    await vi.advanceTimersByTimeAsync(1);
    expect(order).toEqual(['this turn goes on', 'next part']);
  });
});
