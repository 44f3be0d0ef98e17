import type { KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { publicKeyOf, shortDeviceId, spkiOf } from '../../electron/core/sync/membership/device.ts';
import { isMember, mergeOps } from '../../electron/core/sync/membership/merge.ts';
import { createGroup, signAdd, signRevoke } from '../../electron/core/sync/membership/ops.ts';
import { commitment } from '../../electron/core/sync/pairing/code.ts';
import { openInvite } from '../../electron/core/sync/pairing/inviter.ts';
import { startJoin } from '../../electron/core/sync/pairing/joiner.ts';
import { PAIR_WINDOW_MS } from '../../electron/core/sync/pairing/messages.ts';
import { founder, joiner, kitchen, mallory, peerOf } from './identities.ts';
import { clock, session, shownCode } from './wire.ts';

const root = createGroup(founder, 1_000);
const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('pairing', () => {
  it('pairs: the code shown on the member, typed on the new PC, matches; the person confirms; both hold the list', () => {
    const time = clock();
    const pcs = session({ inviter: founder, joiner, ops: [root], clock: time });
    expect(pcs.inviter.state()).toMatchObject({ kind: 'waiting_for_pc', joiner: null });
    pcs.pump();
    const code = shownCode(pcs.inviter);
    expect(code).toMatch(/^[0-9]{6}$/);
    expect(pcs.inviter.state()).toMatchObject({
      joiner: { name: 'フロント2', shortId: shortDeviceId(joiner.deviceId) },
    });
    expect(pcs.joiner.state()).toMatchObject({ kind: 'entering_code', triesLeft: 3, inviter: { name: '帳場' } });

    pcs.joiner.typeCode(code);
    pcs.pump();
    // The new PC's own comparison matched; it asks the person to confirm on the member, and is not paired yet.
    expect(pcs.joiner.state()).toMatchObject({
      kind: 'waiting_for_confirmation',
      ownShortId: shortDeviceId(joiner.deviceId),
    });
    expect(pcs.inviter.state()).toMatchObject({
      kind: 'waiting_for_confirmation',
      joiner: { deviceId: joiner.deviceId },
    });

    time.advance(5_000);
    pcs.inviter.confirm();
    pcs.pump();
    const inviterState = pcs.inviter.state();
    const joinerState = pcs.joiner.state();
    if (inviterState.kind !== 'paired' || joinerState.kind !== 'paired') throw new Error('not paired');
    expect(joinerState.ops).toEqual(inviterState.ops);
    expect(joinerState.group).toBe(founder.deviceId);
    expect(inviterState.added).toMatchObject({
      kind: 'add',
      deviceId: joiner.deviceId,
      by: founder.deviceId,
      name: 'フロント2',
    });
    expect(
      mergeOps(joinerState.ops)
        .members.map((member) => member.name)
        .sort(),
    ).toEqual(['フロント2', '帳場']);
  });

  it('takes the code with full-width digits and spaces; something that is not six digits uses no try', () => {
    const pcs = session({ inviter: founder, joiner, ops: [root], clock: clock() });
    pcs.pump();
    const code = shownCode(pcs.inviter);
    expect(pcs.joiner.typeCode('12')).toMatchObject({ kind: 'entering_code', triesLeft: 3, lastTry: 'unreadable' });
    const wide = `${code.slice(0, 3)} ${code.slice(3)}`.replace(/[0-9]/g, (digit) =>
      String.fromCharCode(0xff10 + Number(digit)),
    );
    expect(pcs.joiner.typeCode(wide).kind).toBe('waiting_for_confirmation');
  });

  it('closes both sides after the third wrong code', () => {
    const pcs = session({ inviter: founder, joiner, ops: [root], clock: clock() });
    pcs.pump();
    const code = shownCode(pcs.inviter);
    pcs.joiner.typeCode(wrongCode(code));
    pcs.pump();
    expect(pcs.joiner.state()).toMatchObject({ kind: 'entering_code', triesLeft: 2, lastTry: 'wrong' });
    expect(pcs.inviter.state()).toMatchObject({ kind: 'code_shown', failures: 1 });
    pcs.joiner.typeCode(wrongCode(code));
    pcs.joiner.typeCode(wrongCode(code));
    pcs.pump();
    expect(pcs.joiner.state()).toEqual({ kind: 'closed', reason: 'wrong_code' });
    expect(pcs.inviter.state()).toEqual({ kind: 'closed', reason: 'wrong_code' });
    // The right code is too late now.
    expect(pcs.joiner.typeCode(code)).toEqual({ kind: 'closed', reason: 'wrong_code' });
  });

  it('closes the member after three failures reported, even if no close follows', () => {
    const pcs = session({ inviter: founder, joiner, ops: [root], clock: clock() });
    pcs.pump();
    for (let i = 0; i < 3; i += 1) pcs.inviter.receive({ type: 'result', ok: false });
    expect(pcs.inviter.state()).toEqual({ kind: 'closed', reason: 'wrong_code' });
  });

  it('closes both sides when the two minutes run out', () => {
    const time = clock();
    const pcs = session({ inviter: founder, joiner, ops: [root], clock: time });
    pcs.pump();
    time.advance(PAIR_WINDOW_MS - 1);
    expect(pcs.inviter.tick().kind).toBe('code_shown');
    expect(pcs.joiner.tick().kind).toBe('entering_code');
    time.advance(1);
    expect(pcs.inviter.tick()).toEqual({ kind: 'closed', reason: 'timeout' });
    expect(pcs.joiner.tick()).toEqual({ kind: 'closed', reason: 'timeout' });
  });

  it('refuses the right code typed after the two minutes, and a confirmation after them', () => {
    const time = clock();
    const pcs = session({ inviter: founder, joiner, ops: [root], clock: time });
    pcs.pump();
    const code = shownCode(pcs.inviter);
    time.advance(PAIR_WINDOW_MS);
    expect(pcs.joiner.typeCode(code)).toEqual({ kind: 'closed', reason: 'timeout' });

    const late = session({ inviter: founder, joiner, ops: [root], clock: time });
    late.pump();
    late.joiner.typeCode(shownCode(late.inviter));
    late.pump();
    time.advance(PAIR_WINDOW_MS);
    expect(late.inviter.confirm()).toEqual({ kind: 'closed', reason: 'timeout' });
    late.pump();
    expect(late.joiner.state()).toEqual({ kind: 'closed', reason: 'timeout' });
  });

  it('refuses a joiner whose revealed nonce does not match its commitment', () => {
    const spkiJ = spkiOf(publicKeyOf(joiner.certPem) as KeyObject);
    const nonceA = Buffer.alloc(32, 1);
    const open = () => {
      const sent: unknown[] = [];
      const inviter = openInvite({
        self: founder,
        peer: peerOf(joiner),
        ops: [root],
        now: clock().now,
        send: (m) => sent.push(m),
      });
      inviter.receive({ type: 'commit', commitment: commitment(nonceA, spkiJ).toString('hex'), name: 'フロント2' });
      expect(sent).toMatchObject([{ type: 'nonce' }]);
      return { inviter, sent };
    };
    // Another nonce than the one committed to: the joiner tried to choose it after seeing the inviter's.
    const swapped = open();
    const reveal = { type: 'reveal', nonce: Buffer.alloc(32, 2).toString('hex') };
    expect(swapped.inviter.receive(reveal)).toEqual({ kind: 'closed', reason: 'commitment' });
    expect(swapped.sent.at(-1)).toEqual({ type: 'close', reason: 'commitment' });
    // The committed nonce but over another key (a commitment relayed from another session) fails the same way.
    const sent: unknown[] = [];
    const relayed = openInvite({
      self: founder,
      peer: peerOf(mallory),
      ops: [root],
      now: clock().now,
      send: (m) => sent.push(m),
    });
    relayed.receive({ type: 'commit', commitment: commitment(nonceA, spkiJ).toString('hex'), name: 'フロント2' });
    expect(relayed.receive({ type: 'reveal', nonce: nonceA.toString('hex') })).toEqual({
      kind: 'closed',
      reason: 'commitment',
    });
    // And the honest reveal passes.
    expect(open().inviter.receive({ type: 'reveal', nonce: nonceA.toString('hex') }).kind).toBe('code_shown');
  });

  it('closes with protocol on a malformed message or one out of turn, on either side', () => {
    const bad: unknown[] = [
      null,
      'commit',
      { type: 'commit' },
      { type: 'commit', commitment: 'zz', name: 'x' },
      { type: 'reveal', nonce: 'ab'.repeat(32) }, // a reveal before any commit
      { type: 'membership', ops: [root] }, // a message only a joiner receives
      { type: 'close', reason: 'because' },
    ];
    for (const message of bad) {
      const pcs = session({ inviter: founder, joiner, ops: [root], clock: clock() });
      pcs.toInviter.length = 0; // the commit is lost; this arrives in its place
      expect(pcs.inviter.receive(message)).toEqual({ kind: 'closed', reason: 'protocol' });
      expect(pcs.log.byInviter.at(-1)).toEqual({ type: 'close', reason: 'protocol' });
      pcs.pump();
      expect(pcs.joiner.state()).toEqual({ kind: 'closed', reason: 'protocol' });
    }
    const extra = session({ inviter: founder, joiner, ops: [root], clock: clock() });
    extra.pump();
    expect(extra.joiner.receive({ type: 'nonce', nonce: 'ab'.repeat(32), name: 'x' })).toEqual({
      kind: 'closed',
      reason: 'protocol',
    });
    const tooMuch = session({ inviter: founder, joiner, ops: [root], clock: clock() });
    tooMuch.pump();
    expect(tooMuch.inviter.receive({ type: 'result', ok: true, extra: 1 })).toEqual({
      kind: 'closed',
      reason: 'protocol',
    });
  });

  it('adds nobody without its person’s yes: cancel closes both sides', () => {
    const pcs = session({ inviter: founder, joiner, ops: [root], clock: clock() });
    pcs.pump();
    pcs.joiner.typeCode(shownCode(pcs.inviter));
    pcs.pump();
    expect(pcs.inviter.state().kind).toBe('waiting_for_confirmation');
    expect(pcs.inviter.cancel()).toEqual({ kind: 'closed', reason: 'cancelled' });
    pcs.pump();
    expect(pcs.joiner.state()).toEqual({ kind: 'closed', reason: 'cancelled' });
    expect(pcs.log.byInviter.some((m) => (m as { type: string }).type === 'membership')).toBe(false);
  });

  it('refuses a membership list that does not make the new PC a member added by the member it paired with', () => {
    const pcs = session({ inviter: founder, joiner, ops: [root], clock: clock() });
    pcs.pump();
    pcs.joiner.typeCode(shownCode(pcs.inviter));
    pcs.pump();
    // The list names the new PC, but another PC (not the one on this connection) signed it in.
    const ops = [root, signAdd(founder, founder.deviceId, kitchen, 2), signAdd(kitchen, founder.deviceId, joiner, 3)];
    expect(isMember(ops, joiner.deviceId)).toBe(true);
    expect(pcs.joiner.receive({ type: 'membership', ops })).toEqual({ kind: 'closed', reason: 'protocol' });
  });

  it('does not open a window for a peer whose certificate is not its device id, or one already revoked', () => {
    const sent: unknown[] = [];
    const inviter = openInvite({
      self: founder,
      peer: { deviceId: joiner.deviceId, certPem: mallory.certPem },
      ops: [root],
      now: clock().now,
      send: (m) => sent.push(m),
    });
    expect(inviter.state()).toEqual({ kind: 'closed', reason: 'protocol' });
    const revoked = [root, signRevoke(founder, founder.deviceId, { deviceId: joiner.deviceId, reason: '紛失' }, 2)];
    const again = openInvite({ self: founder, peer: peerOf(joiner), ops: revoked, now: clock().now, send: () => {} });
    expect(again.state()).toEqual({ kind: 'closed', reason: 'protocol' });
    const joinerSide = startJoin({
      self: joiner,
      peer: { deviceId: founder.deviceId, certPem: mallory.certPem },
      now: clock().now,
      send: () => {},
    });
    expect(joinerSide.state()).toEqual({ kind: 'closed', reason: 'protocol' });
  });
});
