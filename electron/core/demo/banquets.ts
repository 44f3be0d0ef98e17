import { OCCUPYING_STAGES } from '../../../shared/contract/banquets.ts';
import { addDays, localDate } from '../../../shared/text/dates.ts';
import { instantInZone } from '../../../shared/text/time-zone.ts';
import { followUpDates, followUpId } from '../banquets/follow-up-dates.ts';
import type { WriteSession } from '../changes/write.ts';
import type { CoreContext } from '../context.ts';
import {
  DECEASED_GIVEN,
  DRINKS,
  HALLS,
  type HallPlan,
  type Layout,
  SLOTS,
  STAFF_NOTES,
  TYPE_SHAPE,
} from './banquet-catalogue.ts';
import { closingOf, groupNameOf, planDeals, type TimelineStep, timelineOf } from './banquet-plans.ts';
import type { GeneratedGuest } from './generate.ts';
import { makeDraw } from './random.ts';
import { stream } from './service-floor.ts';

// Banquet sales in the sample data: four halls (松の間 and 竹の間 open into one 大広間), and about forty
// deals from the last eighteen months to three months ahead, in every stage: held parties with their
// timeline, deals lost to the inns nearby (so the lost report has reasons and competitors), cancellations,
// and open inquiries, proposals and holds ahead, two of them lapsing this week. A family's 一周忌 held about
// ten months ago brings its 三回忌 call up now, and last December's year-end parties bring their calls for
// this one. Every chart of the report screen's default range (the last twelve months) has something in it.
// Written through the session like the rest of the sample data; deterministic for a seed and a clock (its
// own PRNG stream, so the service floor's data does not change with it).

export const BANQUET_STREAM = 0xba9c;

export type BanquetDemoInput = {
  guests: readonly GeneratedGuest[];
  ids: readonly string[];
  seed: number;
  now: number;
};
export type BanquetDemoCounts = { halls: number; banquets: number; followUps: number };

/** Yields after each deal (with its stages and calls), where demo/sample-data.ts may end a slice. */
export function* writeBanquetDemo(
  ctx: CoreContext,
  session: WriteSession,
  input: BanquetDemoInput,
): Generator<undefined, BanquetDemoCounts, void> {
  const draw = makeDraw(stream(input.seed, BANQUET_STREAM));
  const { between, pick, chance } = draw;
  const zone = ctx.timeZone();
  const today = localDate(input.now, zone);
  const counts: BanquetDemoCounts = { halls: 0, banquets: 0, followUps: 0 };
  if (input.ids.length === 0) return counts;

  const stamp = (date: string, hour: number) => {
    // The hour on the inn's clock, not the process's: a sample request taken at 18:00 reads 18:00 on screen.
    const local = instantInZone(
      date,
      `${String(hour).padStart(2, '0')}:${String(between(0, 59)).padStart(2, '0')}`,
      zone,
    );
    return new Date(Math.min(local, input.now - 60_000)).toISOString();
  };
  const staffIds = (
    ctx.run.prepare('SELECT id FROM staff WHERE deleted_at IS NULL AND active = 1 ORDER BY rowid').all() as Array<{
      id: string;
    }>
  ).map((row) => row.id);
  const staff = () => (staffIds.length > 0 ? pick(staffIds) : null);
  const courses = ctx.run
    .prepare('SELECT id, name, price_yen FROM courses WHERE deleted_at IS NULL ORDER BY rowid')
    .all() as Array<{ id: string; name: string; price_yen: number }>;

  const halls = ensureHalls(ctx, session, stamp(addDays(today, -600), 10), counts);
  const taken = occupied(ctx, addDays(today, -600), addDays(today, 120));
  // The first hall that opens into others (松の間 and 竹の間: the 大広間), with them.
  const opener = halls.find((hall) => hall.combinable_with !== '[]');
  const partners = new Set<string>(opener ? JSON.parse(opener.combinable_with) : []);
  const combined = opener ? [opener, ...halls.filter((hall) => partners.has(hall.id))] : [];

  /** A hall (or the 大広間 combination) and a slot free on `date` for this party; null when there is none. */
  const place = (date: string, people: number, layout: Layout, slot: 'day' | 'evening', occupying: boolean) => {
    const fits = halls.filter((hall) => hall[layout] >= people).sort((a, b) => a[layout] - b[layout]);
    const options = [
      ...fits.map((hall) => [hall]),
      ...(combined.length > 1 && combined.reduce((sum, hall) => sum + hall[layout], 0) >= people ? [combined] : []),
    ];
    const slots = slot === 'day' ? (['day', 'evening'] as const) : (['evening', 'day'] as const);
    for (const option of options) {
      for (const which of slots) {
        const [start, end] = SLOTS[which];
        const free = option.every((hall) =>
          (taken.get(`${date}|${hall.id}`) ?? []).every(([s, e]) => end <= s || start >= e),
        );
        if (!free && occupying) continue;
        if (occupying) {
          for (const hall of option) {
            const key = `${date}|${hall.id}`;
            taken.set(key, [...(taken.get(key) ?? []), [start, end]]);
          }
        }
        return { halls: option, start, end };
      }
    }
    return null;
  };

  /** A day in [from, to] in one of `months` if one can be found, else any day of it. */
  const dayIn = (from: string, to: string, months: number[]) => {
    const span = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));
    for (let tries = 0; tries < 40; tries++) {
      const day = addDays(from, between(0, span));
      if (months.length === 0 || months.includes(Number(day.slice(5, 7)))) return day;
    }
    return addDays(from, between(0, span));
  };

  const plans = planDeals(draw, today, dayIn);
  const organisers = draw.shuffle(input.ids.map((_, index) => index).filter((i) => !input.guests[i]?.companion));
  for (const [index, plan] of plans.entries()) {
    const guestIndex = organisers[index % organisers.length] as number;
    const guest = input.guests[guestIndex] as GeneratedGuest;
    const shape = TYPE_SHAPE[plan.type];
    const layout = pick(shape.layouts);
    const occupying = OCCUPYING_STAGES.includes(plan.stage);
    let date = plan.date;
    let people = between(...shape.people);
    let spot = place(date, people, layout, plan.type === 'memorial' ? 'day' : 'evening', occupying);
    // A full day: the party moves to the next one, and a smaller party fits the halls left.
    for (let shift = 1; !spot && shift < 10; shift++) {
      date = addDays(plan.date, plan.date < today ? -shift : shift);
      people = Math.min(people, 20);
      spot = place(date, people, layout, 'evening', occupying);
    }
    if (!spot) continue;
    const course = courses.length > 0 && plan.type !== 'meeting' ? pick(courses) : null;
    const pricePerHead = course?.price_yen ? course.price_yen : pick([5_000, 6_500, 8_000, 10_000, 12_000]);
    const drinksPerHead = plan.type === 'memorial' || plan.type === 'meeting' ? 0 : pick([2_000, 2_500, 3_000]);
    const estimate = people * (pricePerHead + drinksPerHead);
    const deceasedName = plan.type === 'memorial' ? `${guest.family_name} ${pick(DECEASED_GIVEN)}` : '';
    const groupName = groupNameOf(draw, guest, plan.type);
    const id = session.newId();
    const timeline = timelineOf(draw, plan, date, today);
    const last = timeline.at(-1) as TimelineStep;
    const closing = closingOf(draw, plan.stage);
    const staffId = staff();
    const at = (step: TimelineStep) => stamp(step.day, step.hour);
    const created = at(timeline[0] as TimelineStep);
    session.writeRow('banquets', id, {
      organiser_id: input.ids[guestIndex],
      group_name: groupName,
      type: plan.type,
      date,
      start_time: spot.start,
      end_time: spot.end,
      hall_ids: spot.halls.map((hall) => hall.id),
      layout,
      headcount: people,
      course_id: course?.id ?? null,
      price_per_head_yen: pricePerHead,
      drinks_plan: drinksPerHead > 0 ? pick(DRINKS) : plan.type === 'memorial' ? '献杯用のお酒のみ' : '',
      estimate_yen: estimate,
      deposit_yen: OCCUPYING_STAGES.includes(plan.stage) && chance(0.5) ? Math.round(estimate / 10 / 1000) * 1000 : 0,
      staff_id: staffId,
      note: pick(STAFF_NOTES),
      attendee_ids: [],
      deceased_name: deceasedName,
      date_of_death: plan.type === 'memorial' ? (plan.dateOfDeath ?? null) : null,
      created_at: created,
    });
    counts.banquets++;
    for (const step of timeline) {
      const when = at(step);
      const final = step === last;
      session.writeRow('banquet_stages', session.newId(), {
        banquet_id: id,
        stage: step.stage,
        at: when,
        staff_id: staff(),
        hold_expires_on:
          step.stage === 'provisional'
            ? final
              ? (plan.holdExpiresOn ?? addDays(today, 14))
              : addDays(step.day, 14)
            : null,
        lost_reason: final ? closing.reason : null,
        competitor: final ? closing.competitor : '',
        note: final ? closing.note : '',
        created_at: when,
        updated_at: when,
      });
    }
    if (plan.stage === 'held' || plan.stage === 'lost' || plan.stage === 'cancelled') {
      for (const call of followUpDates({ type: plan.type, date, dateOfDeath: plan.dateOfDeath ?? null })) {
        // Calls whose event is past were made; the rest are waiting (some overdue: the list shows them).
        const done = call.eventDate < today;
        const doneAt = done ? stamp(call.dueDate, 15) : null;
        const followUpCreated = at(last);
        const guestId = input.ids[guestIndex] as string;
        session.writeRow('follow_ups', followUpId(guestId, call.kind, call.eventDate), {
          banquet_id: id,
          guest_id: guestId,
          kind: call.kind,
          due_date: call.dueDate,
          event_date: call.eventDate,
          memorial_year: call.memorialYear,
          status: done ? 'done' : 'open',
          done_at: doneAt,
          done_by: done ? staff() : null,
          note: done ? pick(['来年もお願いしたいとのこと', '検討中、秋に再度連絡', '今回は見送り']) : '',
          created_at: followUpCreated,
          updated_at: doneAt ?? followUpCreated,
        });
        counts.followUps++;
      }
    }
    yield;
  }
  return counts;
}

/** The four sample halls, written once; a second load (or an inn's own halls) reads them back. */
function ensureHalls(ctx: CoreContext, session: WriteSession, createdAt: string, counts: BanquetDemoCounts) {
  const read = () =>
    ctx.run
      .prepare(
        `SELECT id, name, capacity_seated AS seated, capacity_standing AS standing, capacity_theatre AS theatre,
                combinable_with
           FROM halls WHERE deleted_at IS NULL ORDER BY sort_order, rowid`,
      )
      .all() as HallPlan[];
  const existing = read();
  if (existing.length > 0) return existing;
  const ids = HALLS.map(() => session.newId());
  HALLS.forEach((hall, index) => {
    const [seated, standing, theatre] = hall.capacity;
    session.writeRow('halls', ids[index] as string, {
      name: hall.name,
      capacity_seated: seated,
      capacity_standing: standing,
      capacity_theatre: theatre,
      // 松の間 and 竹の間 open into one: kept both ways.
      combinable_with: index === 0 ? [ids[1]] : index === 1 ? [ids[0]] : [],
      note: hall.note,
      sort_order: index + 1,
      created_at: createdAt,
      updated_at: createdAt,
    });
    counts.halls++;
  });
  return read();
}

/** Times already held on each hall and day (deals loaded before, or the inn's own). */
function occupied(ctx: CoreContext, from: string, to: string): Map<string, Array<[string, string]>> {
  const rows = ctx.run
    .prepare(
      `SELECT date, start_time, end_time, hall_ids FROM banquets
        WHERE date BETWEEN ? AND ? AND deleted_at IS NULL AND stage IN ('provisional', 'confirmed', 'held')`,
    )
    .all(from, to) as Array<{ date: string; start_time: string; end_time: string; hall_ids: string }>;
  const taken = new Map<string, Array<[string, string]>>();
  for (const row of rows) {
    for (const hall of JSON.parse(row.hall_ids) as string[]) {
      const key = `${row.date}|${hall}`;
      taken.set(key, [...(taken.get(key) ?? []), [row.start_time, row.end_time]]);
    }
  }
  return taken;
}
