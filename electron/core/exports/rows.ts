import type { AllergyRow, GuestRow, RequestRow, StayRow } from '../../../db/schema.ts';
import type { ExportKind } from '../../../shared/contract/exports.ts';
import { EXPORT_LABELS } from '../../../shared/i18n/export-labels.ts';
import { SERVICE_LABELS } from '../../../shared/i18n/service-labels.ts';
import { daysBetween } from '../../../shared/text/dates.ts';
import { dateInZone } from '../../../shared/text/time-zone.ts';
import type { CoreContext } from '../context.ts';
import type { RowCells } from './columns.ts';
import type { Selection } from './selection.ts';

// The rows of each kind, read a batch at a time in the order of the selection (selection.ts). A reader is a
// function answering the next batch, or null at the end; each call reads by key from where the last one
// stopped, so the job can write between two calls and nothing is held open across slices. Rows written
// meanwhile are taken when the walk has not passed them yet (an export is not a snapshot of one instant).
// Allergies and requests follow the guests' order: the guests are walked again and theirs are read per batch.

/** Guests or stays read per batch: one slice of the job writes one or more batches. */
export const BATCH = 500;

/** The statements the readers run, by name (exported for the query-plan test). */
export const EXPORT_ROW_STATEMENTS = {
  guestsAfter: `SELECT rowid, * FROM guests WHERE deleted_at IS NULL AND rowid > ? ORDER BY rowid LIMIT ${BATCH}`,
  guestsByRowids: `SELECT rowid, * FROM guests WHERE rowid IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL ORDER BY rowid`,
  allergiesOfGuests: `
    SELECT a.*, al.name_ja, al.name_en, st.name AS confirmer
      FROM allergies a LEFT JOIN allergens al ON al.id = a.allergen_id LEFT JOIN staff st ON st.id = a.confirmed_by
     WHERE a.guest_id IN (SELECT value FROM json_each(?)) AND a.superseded_by IS NULL AND a.retracted_at IS NULL
     ORDER BY a.created_at, a.id`,
  requestsOfGuests: 'SELECT * FROM requests WHERE guest_id IN (SELECT value FROM json_each(?)) ORDER BY created_at, id',
  leads: `SELECT id, family_name, given_name, family_reading, given_reading FROM guests
      WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`,
  staysByRowids: `SELECT rowid, * FROM stays WHERE rowid IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL
        ORDER BY arrival_date, rowid`,
  staysAfter: `SELECT rowid, * FROM stays
      WHERE (arrival_date, rowid) > (?, ?) AND arrival_date <= ? AND deleted_at IS NULL
      ORDER BY arrival_date, rowid LIMIT ${BATCH}`,
  partiesOfStays: `
    SELECT p.stay_id, g.family_name, g.given_name FROM stay_party p JOIN guests g ON g.id = p.guest_id
     WHERE p.stay_id IN (SELECT value FROM json_each(?)) AND p.deleted_at IS NULL AND g.deleted_at IS NULL
     ORDER BY p.stay_id, p.created_at, p.id`,
};

export type Batch = {
  rows: RowCells[];
  /** Guests or stays passed, for progress. */
  units: number;
};
export type Reader = () => Batch | null;
export type Language = 'ja' | 'en';

type Person = Pick<GuestRow, 'id' | 'family_name' | 'given_name' | 'family_reading' | 'given_reading'>;
type GuestWithRowid = GuestRow & { rowid: number };

const person = (guest: Person): RowCells => [
  guest.id,
  guest.family_name,
  guest.given_name,
  guest.family_reading,
  guest.given_reading,
];

/** Walks the selected guests in rowid order, a batch at a time, deleted ones left out. */
function guestWalker(ctx: CoreContext, selection: Selection): () => GuestWithRowid[] | null {
  if (selection.guests === 'all') {
    const next = ctx.run.prepare(EXPORT_ROW_STATEMENTS.guestsAfter);
    let after = 0;
    return () => {
      const rows = next.all(after) as GuestWithRowid[];
      if (rows.length === 0) return null;
      after = (rows.at(-1) as GuestWithRowid).rowid;
      return rows;
    };
  }
  const byRowids = ctx.run.prepare(EXPORT_ROW_STATEMENTS.guestsByRowids);
  const rowids = selection.guests;
  let start = 0;
  return () => {
    if (start >= rowids.length) return null;
    const rows = byRowids.all(JSON.stringify(rowids.slice(start, start + BATCH))) as GuestWithRowid[];
    start += BATCH;
    return rows;
  };
}

/** Every zone's offset is a whole number of quarter hours: one day per quarter hour is exact. */
const QUARTER_HOUR = 15 * 60 * 1000;

/**
 * Timestamps of the log ('…Z') as the inn's calendar days. The zone is read once per reader (the setting),
 * and days are kept per quarter hour: a formatter call per row was a third of an export's reading time.
 */
function dayReader(ctx: CoreContext): (stamp: string | null) => string {
  const zone = ctx.timeZone();
  const days = new Map<number, string>();
  return (stamp) => {
    if (!stamp) return '';
    const instant = Date.parse(stamp);
    if (Number.isNaN(instant)) return '';
    const quarter = Math.floor(instant / QUARTER_HOUR);
    let day = days.get(quarter);
    if (day === undefined) {
      day = dateInZone(quarter * QUARTER_HOUR, zone);
      days.set(quarter, day);
    }
    return day;
  };
}

function guestReader(ctx: CoreContext, selection: Selection, lang: Language): Reader {
  const walk = guestWalker(ctx, selection);
  const words = EXPORT_LABELS[lang];
  const dayOf = dayReader(ctx);
  return () => {
    const guests = walk();
    if (!guests) return null;
    const rows = guests.map((guest): RowCells => {
      const phones = (JSON.parse(guest.phones) as Array<{ number: string }>).map((phone) => phone.number);
      return [
        ...person(guest),
        phones[0] ?? '',
        phones.slice(1).join(' / '),
        guest.email,
        guest.postal_code,
        guest.address,
        guest.birthday,
        guest.organization,
        guest.note,
        guest.marketing_consent ? words.value.yes : words.value.no,
        dayOf(guest.created_at),
      ];
    });
    return { rows, units: guests.length };
  };
}

type AllergyExportRow = AllergyRow & { name_ja: string | null; name_en: string | null; confirmer: string | null };

function allergyReader(ctx: CoreContext, selection: Selection, lang: Language): Reader {
  const walk = guestWalker(ctx, selection);
  const words = EXPORT_LABELS[lang];
  const codes = SERVICE_LABELS[lang].codes;
  // Current records only: a corrected one is superseded by its correction, a retracted one was withdrawn.
  const ofGuests = ctx.run.prepare(EXPORT_ROW_STATEMENTS.allergiesOfGuests);
  return () => {
    const guests = walk();
    if (!guests) return null;
    const byGuest = groupBy(ofGuests.all(JSON.stringify(guests.map((g) => g.id))) as AllergyExportRow[]);
    const rows = guests.flatMap((guest) =>
      (byGuest.get(guest.id) ?? []).map((allergy): RowCells => {
        const allergen = allergy.allergen_id
          ? (lang === 'en' ? allergy.name_en || allergy.name_ja : allergy.name_ja) || allergy.free_allergen
          : allergy.free_allergen;
        return [
          ...person(guest),
          allergen ?? '',
          codes.severity[allergy.severity as keyof typeof codes.severity] ?? allergy.severity,
          allergy.traces_ok ? words.value.tracesOk : words.value.tracesNotOk,
          allergy.note,
          // Never confirmed with the guest (an imported ledger's free text): said so, as on the screens.
          allergy.confirmed_at ? allergy.confirmed_at.slice(0, 10) : words.value.needsReview,
          allergy.confirmer ?? '',
        ];
      }),
    );
    return { rows, units: guests.length };
  };
}

function requestReader(ctx: CoreContext, selection: Selection, lang: Language): Reader {
  const walk = guestWalker(ctx, selection);
  const words = EXPORT_LABELS[lang];
  const codes = SERVICE_LABELS[lang].codes;
  const dayOf = dayReader(ctx);
  const ofGuests = ctx.run.prepare(EXPORT_ROW_STATEMENTS.requestsOfGuests);
  return () => {
    const guests = walk();
    if (!guests) return null;
    const byGuest = groupBy(ofGuests.all(JSON.stringify(guests.map((g) => g.id))) as RequestRow[]);
    const rows = guests.flatMap((guest) =>
      (byGuest.get(guest.id) ?? []).map(
        (request): RowCells => [
          ...person(guest),
          codes.requestCategory[request.category as keyof typeof codes.requestCategory] ?? request.category,
          request.text,
          codes.requestStatus[request.status as keyof typeof codes.requestStatus] ?? request.status,
          request.standing ? words.value.yes : words.value.no,
          dayOf(request.created_at),
          dayOf(request.handled_at),
        ],
      ),
    );
    return { rows, units: guests.length };
  };
}

type StayExportRow = StayRow & { rowid: number };
type Lead = Pick<GuestRow, 'id' | 'family_name' | 'given_name' | 'family_reading' | 'given_reading'>;
type StayWithLead = { stay: StayExportRow; lead: Lead };

/**
 * Walks the selected stays a batch at a time, in arrival order, with their lead guests; a stay whose lead was
 * deleted is left out. Stays and leads are two statements: joined, SQLite builds a Bloom filter over every
 * guest for each batch, which made the walk quadratic in practice (a quarter second per batch at 100,000).
 */
function stayWalker(ctx: CoreContext, selection: Selection): () => StayWithLead[] | null {
  const leads = ctx.run.prepare(EXPORT_ROW_STATEMENTS.leads);
  const withLeads = (stays: StayExportRow[]): StayWithLead[] => {
    const byId = new Map(
      (leads.all(JSON.stringify([...new Set(stays.map((stay) => stay.guest_id))])) as Lead[]).map((lead) => [
        lead.id,
        lead,
      ]),
    );
    return stays.flatMap((stay) => {
      const lead = byId.get(stay.guest_id);
      return lead ? [{ stay, lead }] : [];
    });
  };
  if (Array.isArray(selection.stays)) {
    const byRowids = ctx.run.prepare(EXPORT_ROW_STATEMENTS.staysByRowids);
    const rowids = selection.stays;
    let start = 0;
    return () => {
      if (start >= rowids.length) return null;
      const stays = byRowids.all(JSON.stringify(rowids.slice(start, start + BATCH))) as StayExportRow[];
      start += BATCH;
      return withLeads(stays);
    };
  }
  // Keyset walk in arrival order (the stays_arrival index, whose entries end with the rowid).
  const next = ctx.run.prepare(EXPORT_ROW_STATEMENTS.staysAfter);
  const to = selection.stays.to ?? '9999-99-99';
  let after: [string, number] = [selection.stays.from ?? '', 0];
  return () => {
    const stays = next.all(after[0], after[1], to) as StayExportRow[];
    if (stays.length === 0) return null;
    const last = stays.at(-1) as StayExportRow;
    after = [last.arrival_date, last.rowid];
    return withLeads(stays);
  };
}

function stayReader(ctx: CoreContext, selection: Selection, lang: Language): Reader {
  const walk = stayWalker(ctx, selection);
  const words = EXPORT_LABELS[lang];
  const codes = SERVICE_LABELS[lang].codes;
  const parties = ctx.run.prepare(EXPORT_ROW_STATEMENTS.partiesOfStays);
  const nameOf = (family: string, given: string) => [family, given].filter(Boolean).join(' ');
  return () => {
    const walked = walk();
    if (!walked) return null;
    const party = new Map<string, string[]>();
    for (const member of parties.all(JSON.stringify(walked.map(({ stay }) => stay.id))) as Array<{
      stay_id: string;
      family_name: string;
      given_name: string;
    }>) {
      const names = party.get(member.stay_id) ?? [];
      names.push(nameOf(member.family_name, member.given_name));
      party.set(member.stay_id, names);
    }
    const rows = walked.map(
      ({ stay, lead }): RowCells => [
        stay.id,
        ...person(lead),
        stay.arrival_date,
        stay.departure_date,
        daysBetween(stay.arrival_date, stay.departure_date),
        (JSON.parse(stay.rooms) as string[]).join(words.separator),
        stay.adults,
        stay.children,
        (party.get(stay.id) ?? []).join(words.separator),
        stay.plan,
        stay.purpose ? (codes.purpose[stay.purpose as keyof typeof codes.purpose] ?? stay.purpose) : '',
        stay.channel ? (codes.channel[stay.channel as keyof typeof codes.channel] ?? stay.channel) : '',
        stay.reservation_no,
        stay.amount_yen,
        codes.stayStatus[stay.status as keyof typeof codes.stayStatus] ?? stay.status,
        stay.note,
      ],
    );
    return { rows, units: walked.length };
  };
}

function groupBy<R extends { guest_id: string }>(rows: R[]): Map<string, R[]> {
  const map = new Map<string, R[]>();
  for (const row of rows) {
    const list = map.get(row.guest_id) ?? [];
    list.push(row);
    map.set(row.guest_id, list);
  }
  return map;
}

export function readerOf(ctx: CoreContext, kind: ExportKind, selection: Selection, lang: Language): Reader {
  switch (kind) {
    case 'guests':
      return guestReader(ctx, selection, lang);
    case 'stays':
      return stayReader(ctx, selection, lang);
    case 'allergies':
      return allergyReader(ctx, selection, lang);
    case 'requests':
      return requestReader(ctx, selection, lang);
  }
}
