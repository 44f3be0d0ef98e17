import { describe, expect, it } from 'vitest';
import { serviceCore } from '../service/helpers.ts';
import { changeLogCount } from '../support/core.ts';

const UNKNOWN = '01900000-0000-7000-8000-999999999999';

describe('requests', () => {
  it('takes a request for a stay (lead or party member) and a standing one, taken by the staff member at this PC', async () => {
    const { call, guest, stay, staffId } = await serviceCore();
    const [lead, companion] = [await guest('佐藤'), await guest('鈴木')];
    const booked = await stay(lead, { partyIds: [companion] });
    const forStay = await call('requests.record', {
      guestId: lead,
      stayId: booked.id,
      category: 'celebration',
      text: '結婚記念日のケーキ',
    });
    expect(forStay).toMatchObject({
      guestId: lead,
      stayId: booked.id,
      stayArrivalDate: '2026-06-15',
      standing: false,
      status: 'open',
      takenBy: staffId,
      takenByName: '女将 山田',
      handledAt: null,
    });
    const ofCompanion = await call('requests.record', {
      guestId: companion,
      stayId: booked.id,
      category: 'care',
      text: '低い枕',
    });
    expect(ofCompanion.stayId).toBe(booked.id);
    const standing = await call('requests.record', {
      guestId: lead,
      stayId: booked.id,
      standing: true,
      category: 'room',
      text: '禁煙の和室',
    });
    const standingAlone = await call('requests.record', {
      guestId: lead,
      standing: true,
      category: 'meals',
      text: '日本酒',
    });
    expect(standingAlone).toMatchObject({ standing: true, stayId: null, stayArrivalDate: null });
    const { requests } = await call('requests.forGuest', { guestId: lead });
    expect(requests.map((r: { id: string }) => r.id)).toEqual([forStay.id, standing.id, standingAlone.id]);
  });

  it('shows each request with its stay’s arrival, the same on the guest card as in the list, a companion’s too', async () => {
    const { call, guest, stay } = await serviceCore();
    const [lead, companion] = [await guest('佐藤'), await guest('鈴木')];
    const spring = await stay(lead, { arrivalDate: '2026-04-10', departureDate: '2026-04-12', partyIds: [companion] });
    const summer = await stay(lead, { arrivalDate: '2026-08-01', departureDate: '2026-08-03' });
    const record = (guestId: string, stayId: string, text: string) =>
      call('requests.record', { guestId, stayId, category: 'room', text });
    const handled = await record(lead, spring.id, '加湿器');
    await call('requests.setStatus', { id: handled.id, status: 'done' });
    await record(lead, summer.id, '浴衣を大きめに');
    await record(companion, spring.id, '低い枕');
    for (const guestId of [lead, companion]) {
      const card = await call('guests.service', { id: guestId });
      const { requests } = await call('requests.forGuest', { guestId });
      expect(card.requests).toEqual(requests);
    }
    const dates = async (guestId: string) =>
      (await call('guests.service', { id: guestId })).requests.map((r: { text: string; stayArrivalDate: string }) => [
        r.text,
        r.stayArrivalDate,
      ]);
    expect(await dates(lead)).toEqual([
      ['浴衣を大きめに', '2026-08-01'],
      ['加湿器', '2026-04-10'],
    ]);
    expect(await dates(companion)).toEqual([['低い枕', '2026-04-10']]);
  });

  it('marks done or cancelled with who handled it; open again clears it; the same status changes nothing', async () => {
    const { call, guest, staffId, db } = await serviceCore();
    const guestId = await guest('佐藤');
    const request = await call('requests.record', { guestId, standing: true, category: 'other', text: '新聞' });
    const done = await call('requests.setStatus', { id: request.id, status: 'done' });
    expect(done).toMatchObject({ status: 'done', handledBy: staffId, handledByName: '女将 山田' });
    expect(done.handledAt).not.toBeNull();
    const before = changeLogCount(db);
    expect(await call('requests.setStatus', { id: request.id, status: 'done' })).toEqual(done);
    expect(changeLogCount(db)).toBe(before);
    const reopened = await call('requests.setStatus', { id: request.id, status: 'open' });
    expect(reopened).toMatchObject({ status: 'open', handledAt: null, handledBy: null, handledByName: null });
    const cancelled = await call('requests.setStatus', { id: request.id, status: 'cancelled' });
    expect(cancelled.status).toBe('cancelled');
  });

  it('lists open requests first, then the latest 20 handled ones', async () => {
    const { call, guest } = await serviceCore();
    const guestId = await guest('佐藤');
    const handled: string[] = [];
    for (let i = 0; i < 22; i++) {
      const r = await call('requests.record', { guestId, standing: true, category: 'other', text: `件${i}` });
      await call('requests.setStatus', { id: r.id, status: i % 2 ? 'done' : 'cancelled' });
      handled.push(r.id);
    }
    const open = await call('requests.record', { guestId, standing: true, category: 'room', text: '加湿器' });
    const { requests } = await call('requests.forGuest', { guestId });
    expect(requests).toHaveLength(21);
    expect(requests[0].id).toBe(open.id);
    expect(requests.slice(1).map((r: { id: string }) => r.id)).toEqual(handled.slice(2).reverse());
  });

  it('refuses bad attempts with their code and detail, and changes nothing', async () => {
    const { core, call, guest, stay, db } = await serviceCore();
    const [guestId, other] = [await guest('佐藤'), await guest('鈴木')];
    const gone = await guest('削除');
    await call('guests.delete', { id: gone });
    const othersStay = await stay(other);
    const base = { category: 'meals', text: 'お粥' };
    const before = changeLogCount(db);
    const attempts: Array<[string, unknown, string, string]> = [
      ['requests.record', { guestId: UNKNOWN, standing: true, ...base }, 'not_found', 'guest_not_found'],
      ['requests.record', { guestId: gone, standing: true, ...base }, 'conflict', 'guest_deleted'],
      ['requests.record', { guestId, stayId: UNKNOWN, ...base }, 'not_found', 'stay_not_found'],
      ['requests.record', { guestId, stayId: othersStay.id, ...base }, 'conflict', 'stay_not_of_guest'],
      ['requests.record', { guestId, stayId: othersStay.id, standing: true, ...base }, 'conflict', 'stay_not_of_guest'],
      ['requests.setStatus', { id: UNKNOWN, status: 'done' }, 'not_found', 'request_not_found'],
      ['requests.forGuest', { guestId: UNKNOWN }, 'not_found', 'guest_not_found'],
    ];
    for (const [name, input, code, detail] of attempts) {
      const result = await core.call(name, input);
      expect(result, `${name} ${JSON.stringify(input)}`).toEqual({ ok: false, error: { code, detail } });
    }
    expect(await core.call('requests.record', { guestId, ...base })).toEqual({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'stayId', code: 'stay_required' }] },
    });
    expect(changeLogCount(db)).toBe(before);
  });
});
