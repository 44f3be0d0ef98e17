import { Int32List } from '../compact/int32-list.ts';
import { StringTable } from '../compact/string-table.ts';
import type { CleanStay } from './cleanse-stay.ts';

// The stays an import will write, held from planning to writing (plan.ts, write.ts). Memory (issue 11: 500 MB
// for a 100,000-row import, everything included): as objects, a 100,000-row ledger's stays (eight fields, an
// array of rooms, dates and notes each a string of its own) were 23 MB, alive from the end of cleansing into the
// write, and V8 lets the heap grow to about twice what was alive at its last full collection. Here a stay is
// nine 32-bit numbers, its texts kept once each (a ledger repeats its dates, rooms and notes), and a person's
// stays are a chain in ledger order: about 2 MB for the same ledger.

/** Rooms as one text: a room number has no line break in it (cleanse-stay.ts splits on white space). */
const ROOM_SEPARATOR = '\n';
const NONE = -1;

export class PlannedStays {
  private readonly texts = new StringTable();
  private readonly arrival = new Int32List();
  private readonly departure = new Int32List();
  private readonly rooms = new Int32List();
  private readonly adults = new Int32List();
  private readonly children = new Int32List();
  private readonly amountYen = new Int32List();
  private readonly reservationNo = new Int32List();
  private readonly note = new Int32List();
  /** The next stay of the same person, or NONE. */
  private readonly next = new Int32List();
  /** By person: the first and the latest of its stays, or NONE. */
  private readonly first = new Int32List();
  private readonly last = new Int32List();

  /** How many stays are planned. */
  get count(): number {
    return this.arrival.length;
  }

  /** Plans `stay` for person number `person`, after the person's stays planned so far. */
  add(person: number, stay: CleanStay): void {
    if (stay.rooms.some((room) => room.includes(ROOM_SEPARATOR))) {
      throw new RangeError('PlannedStays: a room number with a line break in it');
    }
    const index = this.arrival.length;
    this.arrival.push(this.texts.numberOf(stay.arrivalDate));
    this.departure.push(this.texts.numberOf(stay.departureDate));
    this.rooms.push(this.texts.numberOf(stay.rooms.join(ROOM_SEPARATOR)));
    this.adults.push(stay.adults);
    this.children.push(stay.children);
    this.amountYen.push(stay.amountYen);
    this.reservationNo.push(this.texts.numberOf(stay.reservationNo));
    this.note.push(this.texts.numberOf(stay.note));
    this.next.push(NONE);
    while (this.first.length <= person) {
      this.first.push(NONE);
      this.last.push(NONE);
    }
    const latest = this.last.at(person);
    if (latest === NONE) this.first.set(person, index);
    else this.next.set(latest, index);
    this.last.set(person, index);
  }

  /** Person number `person`'s planned stays, in the order they were planned. */
  of(person: number): CleanStay[] {
    const stays: CleanStay[] = [];
    if (person >= this.first.length) return stays;
    for (let index = this.first.at(person); index !== NONE; index = this.next.at(index)) {
      const rooms = this.texts.textOf(this.rooms.at(index));
      stays.push({
        arrivalDate: this.texts.textOf(this.arrival.at(index)),
        departureDate: this.texts.textOf(this.departure.at(index)),
        rooms: rooms === '' ? [] : rooms.split(ROOM_SEPARATOR),
        adults: this.adults.at(index),
        children: this.children.at(index),
        amountYen: this.amountYen.at(index),
        reservationNo: this.texts.textOf(this.reservationNo.at(index)),
        note: this.texts.textOf(this.note.at(index)),
      });
    }
    return stays;
  }
}
