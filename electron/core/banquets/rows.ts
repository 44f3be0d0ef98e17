import type { BanquetRow, BanquetStageRow, FollowUpRow, HallRow } from '../../../db/schema.ts';
import type { Banquet, FollowUp, Hall, HallClash, StageEvent } from '../../../shared/contract/banquets.ts';
import { CallFailure } from '../../../shared/contract/result.ts';
import { familyFirst } from '../../../shared/text/person-name.ts';
import type { CoreContext } from '../context.ts';

// Halls, deals, stage events and follow-ups as the contract shows them. Deals are read with their
// organiser, course and staff names by joins, hall names from the hall table read whole (an inn has a
// handful of halls), so a month of deals is one query whatever its size.

export type BanquetViewRow = BanquetRow & {
  organiser_family_name: string;
  organiser_given_name: string;
  organiser_family_reading: string;
  organiser_given_reading: string;
  organiser_phone: string | null;
  course_name: string | null;
  staff_name: string | null;
};

export const BANQUET_VIEW = `
  SELECT b.*, g.family_name AS organiser_family_name, g.given_name AS organiser_given_name,
         g.family_reading AS organiser_family_reading, g.given_reading AS organiser_given_reading,
         json_extract(g.phones, '$[0].number') AS organiser_phone,
         c.name AS course_name, s.name AS staff_name
    FROM banquets b
    JOIN guests g ON g.id = b.organiser_id
    LEFT JOIN courses c ON c.id = b.course_id
    LEFT JOIN staff s ON s.id = b.staff_id`;

export const BANQUET_BY_ID = `${BANQUET_VIEW} WHERE b.id = ?`;
/** Every live deal of one day, for the clash check and the overlap warnings (index banquets_date). */
export const BANQUETS_ON_DATE = `${BANQUET_VIEW} WHERE b.date = ? AND b.deleted_at IS NULL`;
const STAGES_OF_BANQUET = `
  SELECT bs.*, s.name AS staff_name FROM banquet_stages bs LEFT JOIN staff s ON s.id = bs.staff_id
   WHERE bs.banquet_id = ? ORDER BY bs.at, bs.id`;

export const FOLLOW_UP_VIEW = `
  SELECT f.*, g.family_name, g.given_name, json_extract(g.phones, '$[0].number') AS guest_phone,
         b.group_name, b.type, b.deceased_name, s.name AS done_by_name
    FROM follow_ups f
    JOIN guests g ON g.id = f.guest_id
    JOIN banquets b ON b.id = f.banquet_id
    LEFT JOIN staff s ON s.id = f.done_by`;
export const FOLLOW_UP_BY_ID = `${FOLLOW_UP_VIEW} WHERE f.id = ?`;
const FOLLOW_UPS_OF_BANQUET = `${FOLLOW_UP_VIEW} WHERE f.banquet_id = ? ORDER BY f.due_date, f.id`;

/** The statements of this file, for the query-plan test. */
export const BANQUET_ROW_STATEMENTS = { BANQUET_BY_ID, BANQUETS_ON_DATE, STAGES_OF_BANQUET, FOLLOW_UPS_OF_BANQUET };

/** The inn's today, from the core's clock. */
export function today(ctx: CoreContext): string {
  return ctx.today();
}

// ---------------------------------------------------------------------------------------------------- halls

export function toHall(row: HallRow): Hall {
  return {
    id: row.id,
    name: row.name,
    capacity: { seated: row.capacity_seated, standing: row.capacity_standing, theatre: row.capacity_theatre },
    combinableWith: JSON.parse(row.combinable_with) as string[],
    note: row.note,
    sortOrder: row.sort_order,
    deletedAt: row.deleted_at,
  };
}

const collator = new Intl.Collator('ja');
export const byHallOrder = (a: Hall, b: Hall) =>
  a.sortOrder - b.sortOrder || collator.compare(a.name, b.name) || a.id.localeCompare(b.id);

/** Every hall, withdrawn ones included, by id: the table is small, so it is read whole. */
export function allHalls(ctx: CoreContext): Map<string, Hall> {
  const rows = ctx.run.prepare('SELECT * FROM halls').all() as HallRow[];
  return new Map(rows.map((row) => [row.id, toHall(row)]));
}

export function findHall(ctx: CoreContext, id: string): Hall {
  const row = ctx.run.prepare('SELECT * FROM halls WHERE id = ?').get(id) as HallRow | undefined;
  if (!row) throw new CallFailure('not_found', 'hall_not_found');
  return toHall(row);
}

// ------------------------------------------------------------------------------------------------- banquets

export function banquetHallIds(row: Pick<BanquetRow, 'hall_ids'>): string[] {
  return JSON.parse(row.hall_ids) as string[];
}

export function organiserName(row: BanquetViewRow): string {
  return familyFirst(row.organiser_family_name, row.organiser_given_name);
}

export function toBanquet(row: BanquetViewRow, halls: Map<string, Hall>): Banquet {
  const hallIds = banquetHallIds(row);
  return {
    id: row.id,
    organiserId: row.organiser_id,
    organiserName: organiserName(row),
    organiserReading: familyFirst(row.organiser_family_reading, row.organiser_given_reading),
    organiserPhone: row.organiser_phone ?? '',
    groupName: row.group_name,
    type: row.type as Banquet['type'],
    date: row.date,
    startTime: row.start_time,
    endTime: row.end_time,
    hallIds,
    hallNames: hallIds.map((id) => halls.get(id)?.name ?? ''),
    layout: row.layout as Banquet['layout'],
    headcount: row.headcount,
    courseId: row.course_id,
    courseName: row.course_name ?? '',
    pricePerHeadYen: row.price_per_head_yen,
    drinksPlan: row.drinks_plan,
    estimateYen: row.estimate_yen,
    depositYen: row.deposit_yen,
    staffId: row.staff_id,
    staffName: row.staff_name,
    note: row.note,
    attendeeIds: JSON.parse(row.attendee_ids) as string[],
    deceasedName: row.deceased_name,
    dateOfDeath: row.date_of_death,
    stage: row.stage as Banquet['stage'],
    stageAt: row.stage_at,
    holdExpiresOn: row.hold_expires_on,
    lostReason: row.lost_reason as Banquet['lostReason'],
    competitor: row.competitor,
    closingNote: row.closing_note,
    createdAt: row.created_at,
    deletedAt: row.deleted_at,
  };
}

/** A deal that exists and is not tombstoned, or not_found. */
export function findBanquetRow(ctx: CoreContext, id: string): BanquetViewRow {
  const row = ctx.run.prepare(BANQUET_BY_ID).get(id) as BanquetViewRow | undefined;
  if (!row || row.deleted_at) throw new CallFailure('not_found', 'banquet_not_found');
  return row;
}

/** A deal as another deal's clash or overlap names it. */
export function toHallClash(row: BanquetViewRow, hallName: string): HallClash {
  return {
    banquetId: row.id,
    groupName: row.group_name,
    organiserName: organiserName(row),
    hallName,
    date: row.date,
    startTime: row.start_time,
    endTime: row.end_time,
    stage: row.stage as HallClash['stage'],
  };
}

type StageViewRow = BanquetStageRow & { staff_name: string | null };

/** The deal's timeline, oldest first. */
export function timelineOf(ctx: CoreContext, banquetId: string): StageEvent[] {
  const rows = ctx.run.prepare(STAGES_OF_BANQUET).all(banquetId) as StageViewRow[];
  return rows.map((row) => ({
    id: row.id,
    stage: row.stage as StageEvent['stage'],
    at: row.at,
    staffId: row.staff_id,
    staffName: row.staff_name,
    holdExpiresOn: row.hold_expires_on,
    lostReason: row.lost_reason as StageEvent['lostReason'],
    competitor: row.competitor,
    note: row.note,
  }));
}

// ---------------------------------------------------------------------------------------------- follow-ups

export type FollowUpViewRow = FollowUpRow & {
  family_name: string;
  given_name: string;
  guest_phone: string | null;
  group_name: string;
  type: string;
  deceased_name: string;
  done_by_name: string | null;
};

export function toFollowUp(row: FollowUpViewRow): FollowUp {
  return {
    id: row.id,
    banquetId: row.banquet_id,
    guestId: row.guest_id,
    guestName: familyFirst(row.family_name, row.given_name),
    guestPhone: row.guest_phone ?? '',
    groupName: row.group_name,
    kind: row.kind as FollowUp['kind'],
    type: row.type as FollowUp['type'],
    dueDate: row.due_date,
    eventDate: row.event_date,
    memorialYear: row.memorial_year,
    deceasedName: row.deceased_name,
    status: row.status as FollowUp['status'],
    doneAt: row.done_at,
    doneBy: row.done_by,
    doneByName: row.done_by_name,
    note: row.note,
  };
}

export function followUpsOfBanquet(ctx: CoreContext, banquetId: string): FollowUp[] {
  return (ctx.run.prepare(FOLLOW_UPS_OF_BANQUET).all(banquetId) as FollowUpViewRow[]).map(toFollowUp);
}

export function findFollowUp(ctx: CoreContext, id: string): FollowUp {
  const row = ctx.run.prepare(FOLLOW_UP_BY_ID).get(id) as FollowUpViewRow | undefined;
  if (!row) throw new CallFailure('not_found', 'follow_up_not_found');
  return toFollowUp(row);
}
