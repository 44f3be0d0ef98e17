import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { finishInterruptedSwap } from '../../electron/core-host/restore-file.ts';

// A register copy's swap cut between its two renames: the worker finishes it before it opens the register,
// instead of opening a new blank one where the register was.

const root = mkdtempSync(join(tmpdir(), 'yadocho-snapshot-swap-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('an interrupted swap of a register copy', () => {
  it('is finished when the register is missing and the checked copy waits beside it', () => {
    const file = join(root, 'cut.sqlite');
    writeFileSync(`${file}.snapshot`, 'copy');
    expect(finishInterruptedSwap(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('copy');
    expect(existsSync(`${file}.snapshot`)).toBe(false);
  });

  it('drops the previous register’s -wal and -shm left under its name, so they are not replayed onto the copy', () => {
    const file = join(root, 'cut-with-wal.sqlite');
    writeFileSync(`${file}.snapshot`, 'copy');
    writeFileSync(`${file}-wal`, 'the previous register’s last writes');
    writeFileSync(`${file}-shm`, 'index');
    expect(finishInterruptedSwap(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('copy');
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(existsSync(`${file}-shm`)).toBe(false);
  });

  it('leaves a register in place alone (a copy left beside it is removed later by the sync service)', () => {
    const file = join(root, 'whole.sqlite');
    writeFileSync(file, 'register');
    writeFileSync(`${file}.snapshot`, 'copy');
    expect(finishInterruptedSwap(file)).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('register');
    expect(finishInterruptedSwap(join(root, 'none.sqlite'))).toBe(false);
  });
});
