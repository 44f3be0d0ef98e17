import { describe, expect, it } from 'vitest';
import { pastBanquetDate, pastStayDate } from '../../renderer/app/past-date.ts';

// Which planned days the stay and banquet forms question before saving (the warning itself is in
// tests/e2e/dates.spec.ts): only a day before today that the person set, on a record still being planned.

const TODAY = '2026-06-15';
const booked = { arrivalDate: '2026-06-01', departureDate: '2026-06-03', status: 'booked' };

describe('a stay', () => {
  it('asks about a booked arrival before today, new or moved there', () => {
    expect(pastStayDate(booked, undefined, TODAY)).toEqual({ key: 'dates.past.stay', date: '2026-06-01' });
    const stored = { ...booked, arrivalDate: '2026-07-01', departureDate: '2026-07-03' };
    expect(pastStayDate(booked, stored, TODAY)?.date).toBe('2026-06-01');
  });

  it('asks about an in-house stay whose departure has passed', () => {
    const inHouse = { ...booked, status: 'in_house' };
    expect(pastStayDate(inHouse, undefined, TODAY)).toEqual({ key: 'dates.past.stayDeparture', date: '2026-06-03' });
    expect(pastStayDate({ ...inHouse, departureDate: '2026-06-16' }, undefined, TODAY)).toBeNull();
  });

  it('does not ask about a stay recorded as history, today’s arrival, or an old booking edited elsewhere', () => {
    expect(pastStayDate({ ...booked, status: 'departed' }, undefined, TODAY)).toBeNull();
    expect(pastStayDate({ ...booked, arrivalDate: TODAY }, undefined, TODAY)).toBeNull();
    expect(pastStayDate(booked, booked, TODAY)).toBeNull();
  });
});

describe('a banquet', () => {
  it('asks about a new or moved deal before today, not about an unchanged or closed one', () => {
    expect(pastBanquetDate({ date: '2026-06-14' }, undefined, TODAY)).toEqual({
      key: 'dates.past.banquet',
      date: '2026-06-14',
    });
    expect(pastBanquetDate({ date: '2026-06-14' }, { date: '2026-07-01', stage: 'inquiry' }, TODAY)).not.toBeNull();
    expect(pastBanquetDate({ date: '2026-06-14' }, { date: '2026-06-14', stage: 'inquiry' }, TODAY)).toBeNull();
    expect(pastBanquetDate({ date: '2026-06-10' }, { date: '2026-06-14', stage: 'held' }, TODAY)).toBeNull();
    expect(pastBanquetDate({ date: TODAY }, undefined, TODAY)).toBeNull();
  });
});
