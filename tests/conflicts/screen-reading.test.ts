import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stampToIso as coreStampToIso } from '../../electron/core/changes/hlc.ts';
import { type OpenedCore, openCore } from '../../electron/core-host/open-core.ts';
import { minutesAhead, readConflict, stampToIso } from '../../renderer/conflicts/detail.ts';
import { CONFLICT_KINDS, type Conflict } from '../../shared/contract/conflicts.ts';
import { recordOnTwoPcs } from '../support/conflicts-scenario.ts';

// The conflicts screen reads `detail`, which the contract leaves untyped, through its own schemas
// (renderer/conflicts/detail.ts). Here they read what the real core records after two PCs worked apart, so a
// change of shape in the core's checks fails here rather than as an "unreadable" card on a PC.

describe('the conflicts screen reads what the core records', () => {
  let dir: string;
  let opened: OpenedCore;
  let conflicts: Conflict[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yadocho-conflicts-'));
    const file = join(dir, 'yadocho.sqlite');
    await recordOnTwoPcs(file);
    opened = openCore({ file, ownFolder: false });
    const listed = await opened.core.call('conflicts.list', {});
    if (!listed.ok) throw new Error('conflicts.list failed');
    conflicts = (listed.value as { conflicts: Conflict[] }).conflicts;
  });

  afterAll(() => {
    opened.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads every kind the core records, with both sides', () => {
    expect(new Set(conflicts.map((conflict) => conflict.kind))).toEqual(new Set(CONFLICT_KINDS));
    for (const conflict of conflicts) {
      const read = readConflict(conflict);
      expect(read.kind, JSON.stringify(conflict)).toBe(conflict.kind);
      if (read.kind === 'hall_double_booked') expect(read.detail.deals).toHaveLength(2);
      if (read.kind === 'allergy_duplicate') expect(read.detail.severest).toBe('anaphylaxis');
      if (read.kind === 'deal_final_stages') {
        expect(read.detail.stages.map((stage) => stage.stage).sort()).toEqual(['cancelled', 'lost']);
      }
      if (read.kind === 'field_group') expect(read.detail.group).toBe('dates');
    }
  });

  it('says the time of an edit as the core does; the column nobody edits is no conflict', () => {
    const edits = conflicts.filter((conflict) => conflict.kind === 'field_edit');
    for (const edit of edits) {
      const read = readConflict(edit);
      if (read.kind !== 'field_edit') throw new Error('unreadable field_edit');
      expect(stampToIso(read.detail.kept.hlc)).toBe(coreStampToIso(read.detail.kept.hlc));
    }
    // Two PCs editing one guest both move last_activity_at (bookkeeping): only the note is a conflict.
    expect(edits.map((edit) => edit.field)).toEqual(['note']);
  });

  it('says how far ahead a held change’s clock was', async () => {
    const held = await opened.core.call('conflicts.held', {});
    if (!held.ok) throw new Error('conflicts.held failed');
    const items = (held.value as { held: Array<{ reason: string; stampedAt: string; receivedAt: string }> }).held;
    const ahead = items.find((item) => item.reason === 'clock_ahead');
    expect(ahead && minutesAhead(ahead)).toBe(10);
  });

  it('shows a detail it cannot read as such instead of guessing', () => {
    const strange = { ...(conflicts[0] as Conflict), kind: 'hall_double_booked' as const, detail: { halls: 'x' } };
    expect(readConflict(strange).kind).toBe('unreadable');
  });
});
