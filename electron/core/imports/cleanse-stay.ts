// A visit row: ledgers kept one line per stay (来館日, 泊数, 部屋, 人数, 金額), so a row with an arrival date becomes
// a stay on the row's guest. Counts and amounts come as typed (2名, ２泊, ¥12,000, 12,000円, \12,000 from a
// Shift_JIS file whose yen sign reads as a backslash) or as Excel numbers.

import { MAX_STAY_NIGHTS } from '../../../shared/contract/stays.ts';
import { addDays, daysBetween, isWithinRange } from '../../../shared/text/dates.ts';
import { cleanseDate } from './cleanse-dates.ts';
import { type Cell, type ChangeList, SetAside, withinLimit } from './cleanse-text.ts';

export type CleanStay = {
  arrivalDate: string;
  departureDate: string;
  rooms: string[];
  adults: number;
  children: number;
  amountYen: number;
  reservationNo: string;
  note: string;
};

export type StayCells = Partial<
  Record<
    'arrival' | 'departure' | 'nights' | 'rooms' | 'adults' | 'children' | 'people' | 'amount' | 'reservationNo',
    Cell
  >
>;

/** The contract's limits (shared/contract/stays.ts and common.ts). */
const MAX_ROOMS = 10;
const ROOM_LIMIT = 20;
const RESERVATION_LIMIT = 50;
const MAX_PEOPLE = 99;
const MAX_YEN = 1_000_000_000;

/** A whole number as a count column holds it: 2, ２, 2名, 2泊, 2室, 2人. */
function readCount(cell: Cell, max: number, changes: ChangeList): number {
  const digits = cell.value.replace(/\s*(?:名様|名|人|泊|室|部屋)$/, '');
  if (!/^\d+$/.test(digits) || Number(digits) > max) throw new SetAside('bad_number', cell);
  changes.add(cell, cell.value, String(Number(digits)), 'number');
  return Number(digits);
}

const count = (cell: Cell | undefined, max: number, changes: ChangeList) =>
  cell && cell.value !== '' ? readCount(cell, max, changes) : undefined;

/** Whole yen from ¥12,000, 12,000円, 12000.0; a dash is nothing charged; negative or fractional is refused. */
export function readAmount(cell: Cell, changes: ChangeList): number {
  if (cell.value === '') return 0;
  const text = cell.value.replace(/[¥\\,，円\s]/g, '').replace(/\.0+$/, '');
  if (/^[-‐−―ー]$/.test(text)) {
    changes.add(cell, cell.value, '0', 'amount');
    return 0;
  }
  if (!/^\d+$/.test(text) || Number(text) > MAX_YEN) throw new SetAside('bad_amount', cell);
  changes.add(cell, cell.value, String(Number(text)), 'amount');
  return Number(text);
}

/** 201, 202 / 201・202 / 201、202 as two rooms. */
function readRooms(cell: Cell | undefined, changes: ChangeList): string[] {
  if (!cell || cell.value === '') return [];
  const rooms = [...new Set(cell.value.split(/[,、，・/;；\s]+/).filter(Boolean))];
  if (rooms.length > MAX_ROOMS) throw new SetAside('too_many_rooms', cell);
  for (const room of rooms) withinLimit(cell, room, ROOM_LIMIT);
  if (rooms.length > 1) changes.add(cell, cell.value, rooms.join(', '), 'rooms_split');
  return rooms;
}

/** 大人2名 子供1名 (or 大人2・小人1) in a people column: both counts; null when the cell is a plain count. */
function readParty(cell: Cell, changes: ChangeList): { adults: number; children: number } | null {
  const adults = /大人\s*(\d+)/.exec(cell.value);
  if (!adults) return null;
  const children = /(?:子供|子ども|こども|小人|幼児)\s*(\d+)/.exec(cell.value);
  const party = { adults: Number(adults[1]), children: children ? Number(children[1]) : 0 };
  if (party.adults > MAX_PEOPLE || party.children > MAX_PEOPLE) throw new SetAside('bad_number', cell);
  changes.add({ field: 'adults', column: cell.column }, cell.value, String(party.adults), 'number');
  changes.add({ field: 'children', column: cell.column }, cell.value, String(party.children), 'number');
  return party;
}

/**
 * Adults and children: from their own columns when the sheet has them; else a people column (人数) counts adults
 * (大人2名 子供1名 read as both), less the children column when there is one.
 */
function readPeople(cells: StayCells, changes: ChangeList): { adults: number; children: number } {
  const children = count(cells.children, MAX_PEOPLE, changes);
  const adults = count(cells.adults, MAX_PEOPLE, changes);
  if (adults !== undefined || !cells.people || cells.people.value === '') {
    return { adults: adults ?? 0, children: children ?? 0 };
  }
  const party = readParty(cells.people, changes);
  if (party) return party;
  const people = readCount(cells.people, MAX_PEOPLE, changes);
  if (children !== undefined && children > people) throw new SetAside('bad_number', cells.people);
  return { adults: people - (children ?? 0), children: children ?? 0 };
}

const filled = (cell: Cell | undefined): cell is Cell => cell !== undefined && cell.value !== '';

/**
 * The stay of a row, or null when the row has no arrival date (a guest row). Stay cells filled on a row without an
 * arrival are set aside rather than dropped unseen.
 */
export function cleanseStay(cells: StayCells, note: string, changes: ChangeList): CleanStay | null {
  const arrivalDate = cells.arrival ? cleanseDate(cells.arrival, changes) : '';
  if (arrivalDate === '') {
    const stray = Object.values(cells).find(filled);
    if (stray) throw new SetAside('stay_without_arrival', stray);
    return null;
  }
  // More nights than a stay may have is a typo (泊数 3650 for 3, or a date typed into the nights column).
  const nights = count(cells.nights, MAX_STAY_NIGHTS, changes);
  let departureDate = cells.departure ? cleanseDate(cells.departure, changes) : '';
  if (departureDate === '') {
    departureDate = addDays(arrivalDate, nights ?? 1);
    const from = cells.nights ?? (cells.arrival as Cell);
    changes.add({ field: 'departure', column: from.column }, '', departureDate, 'departure_from_nights');
    if (!isWithinRange(departureDate)) throw new SetAside('date_out_of_range', from);
  } else if (departureDate < arrivalDate) {
    throw new SetAside('departure_before_arrival', cells.departure);
  } else if (nights !== undefined && addDays(arrivalDate, nights) !== departureDate) {
    throw new SetAside('nights_mismatch', cells.nights);
  } else if (daysBetween(arrivalDate, departureDate) > MAX_STAY_NIGHTS) {
    throw new SetAside('stay_too_long', cells.departure);
  }
  return {
    arrivalDate,
    departureDate,
    rooms: readRooms(cells.rooms, changes),
    ...readPeople(cells, changes),
    amountYen: cells.amount ? readAmount(cells.amount, changes) : 0,
    reservationNo: cells.reservationNo
      ? withinLimit(cells.reservationNo, cells.reservationNo.value, RESERVATION_LIMIT)
      : '',
    note,
  };
}
