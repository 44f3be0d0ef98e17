import type { ManagerListRow, ParsedManagerList } from '../../../shared/contract/manager.ts';
import { familyFirst } from '../../../shared/text/person-name.ts';
import { reconfirmCutoff } from '../allergies/rows.ts';
import type { CoreContext } from '../context.ts';
import { ALLERGY_FIGURES, type AllergyFigure, allergyParams } from './allergies.ts';
import { arrivedAs, RETURNING } from './arrivals.ts';
import { periodOf } from './period.ts';
import { wholeMinutes } from './requests.ts';
import type { createStaffRecords } from './staff-records.ts';

// The records behind each figure of the overview, paged, with the same WHERE as the count they explain, so
// a list's total is the figure it was opened from (tests/manager checks it on random registers).

const GUEST = `g.family_name AS family, g.given_name AS given`;

type StayFilter = 'all' | 'returning' | 'rank';

const STAYS_WHERE = (filter: StayFilter) => `
  FROM stays s JOIN guests g ON g.id = s.guest_id
 WHERE s.arrival_date BETWEEN @from AND @to AND ${arrivedAs('s')}
   ${filter === 'returning' ? `AND ${RETURNING}` : ''}
   ${filter === 'rank' ? `AND coalesce((SELECT r.rank_name FROM guest_ranks r WHERE r.guest_id = s.guest_id), '') = @rank` : ''}`;

const REQUESTS_WHERE = `
  FROM requests r JOIN guests g ON g.id = r.guest_id
 WHERE r.created_at >= @startIso AND r.created_at < @endIso
   AND (@category IS NULL OR r.category = @category) AND (@status IS NULL OR r.status = @status)`;

const ALLERGIES_WHERE = (figure: AllergyFigure) => `
  FROM allergies a JOIN guests g ON g.id = a.guest_id LEFT JOIN allergens al ON al.id = a.allergen_id
 WHERE ${ALLERGY_FIGURES[figure]}`;

type Page = { offset: number; limit: number };
type Answer = { total: number; rows: ManagerListRow[] };

export function createLists(ctx: CoreContext, staff: ReturnType<typeof createStaffRecords>) {
  const count = (text: string, params: object) =>
    ctx.run.prepare(`SELECT count(*) ${text}`).pluck().get(params) as number;
  const page = <R>(select: string, text: string, order: string, params: object, at: Page) =>
    ctx.run.prepare(`SELECT ${select} ${text} ORDER BY ${order} LIMIT @limit OFFSET @offset`).all({
      ...params,
      limit: at.limit,
      offset: at.offset,
    }) as R[];

  function stays(input: ParsedManagerList, filter: StayFilter): Answer {
    const params = { from: input.from, to: input.to, ...(filter === 'rank' ? { rank: input.rank ?? '' } : {}) };
    const where = STAYS_WHERE(filter);
    const rows = page<{
      id: string;
      guest_id: string;
      family: string;
      given: string;
      arrival_date: string;
      amount_yen: number;
      status: string;
      is_returning: number;
    }>(
      `s.id, s.guest_id, s.arrival_date, s.amount_yen, s.status, ${GUEST}, ${RETURNING} AS is_returning`,
      where,
      's.arrival_date, s.id',
      params,
      input,
    );
    return {
      total: count(where, params),
      rows: rows.map((row) => ({
        id: row.id,
        guestId: row.guest_id,
        guestName: familyFirst(row.family, row.given),
        date: row.arrival_date,
        amountYen: row.amount_yen,
        stayStatus: row.status,
        returning: row.is_returning === 1,
      })),
    };
  }

  function requests(input: ParsedManagerList): Answer {
    const period = periodOf(ctx, input.from, input.to);
    const params = {
      startIso: period.startIso,
      endIso: period.endIso,
      category: input.category ?? null,
      status: input.status ?? null,
    };
    const rows = page<{
      id: string;
      guest_id: string;
      family: string;
      given: string;
      created_at: string;
      category: string;
      status: string;
      text: string;
      minutes: number | null;
    }>(
      `r.id, r.guest_id, r.created_at, r.category, r.status, r.text, ${GUEST},
       CASE WHEN r.status = 'done' AND r.handled_at IS NOT NULL
            THEN (julianday(r.handled_at) - julianday(r.created_at)) * 1440.0 END AS minutes`,
      REQUESTS_WHERE,
      'r.created_at, r.id',
      params,
      input,
    );
    return {
      total: count(REQUESTS_WHERE, params),
      rows: rows.map((row) => ({
        id: row.id,
        guestId: row.guest_id,
        guestName: familyFirst(row.family, row.given),
        date: row.created_at,
        category: row.category as ManagerListRow['category'],
        status: row.status as ManagerListRow['status'],
        text: row.text,
        minutes: row.minutes === null ? null : wholeMinutes(row.minutes),
      })),
    };
  }

  function allergies(input: ParsedManagerList, figure: AllergyFigure): Answer {
    const period = periodOf(ctx, input.from, input.to);
    const params = allergyParams(period, reconfirmCutoff(ctx, ctx.today()));
    const where = ALLERGIES_WHERE(figure);
    const rows = page<{
      id: string;
      guest_id: string;
      family: string;
      given: string;
      created_at: string;
      name_ja: string | null;
      name_en: string | null;
      free_allergen: string;
      severity: string;
      confirmed_at: string;
    }>(
      `a.id, a.guest_id, a.created_at, a.free_allergen, a.severity, a.confirmed_at, al.name_ja, al.name_en, ${GUEST}`,
      where,
      // What is to be done, oldest confirmation first; what was done, in the order it was.
      figure === 'overdue' ? 'a.confirmed_at, a.id' : 'a.created_at, a.id',
      params,
      input,
    );
    return {
      total: count(where, params),
      rows: rows.map((row) => ({
        id: row.id,
        guestId: row.guest_id,
        guestName: familyFirst(row.family, row.given),
        date: row.created_at,
        allergenJa: row.name_ja ?? row.free_allergen,
        allergenEn: row.name_en || row.name_ja || row.free_allergen,
        severity: row.severity,
        confirmedAt: row.confirmed_at,
      })),
    };
  }

  function staffRecords(input: ParsedManagerList): Answer {
    const period = periodOf(ctx, input.from, input.to);
    const kind = input.kind ?? 'guests';
    const { total, rows } = staff.list(period, input.staffId as string, kind, input.offset, input.limit);
    const names = ctx.run.prepare('SELECT family_name AS family, given_name AS given FROM guests WHERE id = ?');
    return {
      total,
      rows: rows.map((row) => {
        const guest = row.guestId
          ? (names.get(row.guestId) as { family: string; given: string } | undefined)
          : undefined;
        return {
          id: String(row.seq),
          guestId: guest ? row.guestId : null,
          guestName: guest ? familyFirst(guest.family, guest.given) : '',
          date: row.at,
          kind: row.kind,
          call: row.call,
        };
      }),
    };
  }

  return function list(input: ParsedManagerList): Answer {
    switch (input.figure) {
      case 'arrivals':
        return stays(input, 'all');
      case 'returning':
        return stays(input, 'returning');
      case 'rank':
        return stays(input, 'rank');
      case 'requests':
        return requests(input);
      case 'allergies.recorded':
        return allergies(input, 'recorded');
      case 'allergies.confirmed':
        return allergies(input, 'confirmed');
      case 'allergies.overdue':
        return allergies(input, 'overdue');
      case 'allergies.needsReview':
        return allergies(input, 'needsReview');
      case 'staff':
        return staffRecords(input);
    }
  };
}
