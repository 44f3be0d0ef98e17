import { v7 as uuidv7 } from 'uuid';
import { type BanquetType, LOST_REASONS, OCCUPYING_STAGES, type Stage } from '../../../shared/contract/banquets.ts';
import { addDays, addMonths, addYears, localDate } from '../../../shared/text/dates.ts';
import { followUpDates } from '../banquets/follow-up-dates.ts';
import type { WriteSession } from '../changes/write.ts';
import type { CoreContext } from '../context.ts';
import type { GeneratedGuest } from './generate.ts';
import { type Draw, makeDraw } from './random.ts';
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

type HallPlan = {
  id: string;
  name: string;
  seated: number;
  standing: number;
  theatre: number;
  combinable_with: string;
};
type Layout = 'seated' | 'standing' | 'theatre';

const HALLS = [
  { name: '松の間', capacity: [60, 80, 90], note: '襖を外すと竹の間と続きの大広間（着席90名）' },
  { name: '竹の間', capacity: [30, 40, 40], note: '松の間と続き間' },
  { name: '梅の間', capacity: [20, 0, 24], note: '庭に面した座敷。法要向き' },
  { name: '萩の間', capacity: [12, 0, 16], note: '個室。少人数の会食・打合せ' },
] as const;

/** Inns, hotels and restaurants nearby that deals are lost to. */
const COMPETITORS = ['ホテル松風', '料亭 花月', '旅館 白鷺', '割烹 みやび', '湯元 つるや', 'グランドホテル城山'];

const LOST_NOTES: Record<(typeof LOST_REASONS)[number], string> = {
  price: '一人あたり二千円安い見積もりが出たとのこと',
  date_unavailable: '希望日に大広間の空きがなく他館に',
  capacity: '人数が増えて当館では入りきらず',
  cuisine: '洋食のコースを希望された',
  location: '駅からの送迎がない点で見送り',
  facilities: 'プロジェクターと音響設備のある会場を選ばれた',
  response: '見積もりの返答が遅れ、先に決められてしまった',
  plan_cancelled: '催し自体が取りやめに',
  other: '幹事の方の知り合いの店に決定',
};
const CANCEL_NOTES = ['参加者が集まらず中止', '台風接近のため中止', '社内事情により延期（日程未定）'];
const DRINKS = ['飲み放題（2時間）', '飲み放題（90分）', 'ビール・ソフトドリンクのみ'];
const DECEASED_GIVEN = ['一郎', '正雄', '茂', '和子', 'キヨ', 'トシ子', '勝', '久子'];
const STAFF_NOTES = ['送迎バス希望（駅から）', '上座に花を用意', '乾杯の挨拶あり。マイク1本', '', '', ''];

/** Headcount range, layouts and the months a type is mostly held in (empty: any month). */
const TYPE_SHAPE: Record<BanquetType, { people: [number, number]; layouts: Layout[]; months: number[] }> = {
  bonenkai: { people: [15, 60], layouts: ['seated', 'seated', 'standing'], months: [12] },
  shinnenkai: { people: [15, 50], layouts: ['seated'], months: [1] },
  farewell: { people: [10, 40], layouts: ['seated', 'standing'], months: [3, 4] },
  memorial: { people: [8, 20], layouts: ['seated'], months: [] },
  wedding: { people: [40, 85], layouts: ['seated'], months: [4, 5, 10, 11] },
  meeting: { people: [8, 40], layouts: ['theatre'], months: [] },
  social: { people: [15, 60], layouts: ['seated', 'standing'], months: [] },
  other: { people: [8, 30], layouts: ['seated'], months: [] },
};
const TYPE_WEIGHT: Record<BanquetType, number> = {
  bonenkai: 6,
  shinnenkai: 3,
  farewell: 3,
  memorial: 4,
  wedding: 1,
  meeting: 3,
  social: 3,
  other: 1,
};
const TYPES = Object.keys(TYPE_WEIGHT) as BanquetType[];

type DealPlan = {
  type: BanquetType;
  date: string;
  stage: Stage;
  /** The memorial service whose date of death the follow-up calls count from. */
  dateOfDeath?: string;
  holdExpiresOn?: string;
};

const SLOTS: Record<'day' | 'evening', [string, string]> = { day: ['11:30', '14:00'], evening: ['18:00', '20:30'] };

export function writeBanquetDemo(ctx: CoreContext, session: WriteSession, input: BanquetDemoInput): BanquetDemoCounts {
  const draw = makeDraw(stream(input.seed, BANQUET_STREAM));
  const { between, pick, chance } = draw;
  const today = localDate(input.now);
  const counts: BanquetDemoCounts = { halls: 0, banquets: 0, followUps: 0 };
  if (input.ids.length === 0) return counts;

  const stamp = (date: string, hour: number) => {
    const local = new Date(`${date}T${String(hour).padStart(2, '0')}:${String(between(0, 59)).padStart(2, '0')}:00`);
    return new Date(Math.min(local.getTime(), input.now - 60_000)).toISOString();
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
  plans.forEach((plan, index) => {
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
    if (!spot) return;
    const course = courses.length > 0 && plan.type !== 'meeting' ? pick(courses) : null;
    const pricePerHead = course?.price_yen ? course.price_yen : pick([5_000, 6_500, 8_000, 10_000, 12_000]);
    const drinksPerHead = plan.type === 'memorial' || plan.type === 'meeting' ? 0 : pick([2_000, 2_500, 3_000]);
    const estimate = people * (pricePerHead + drinksPerHead);
    const deceasedName = plan.type === 'memorial' ? `${guest.family_name} ${pick(DECEASED_GIVEN)}` : '';
    const groupName = groupNameOf(draw, guest, plan.type);
    const id = uuidv7();
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
      stage: plan.stage,
      stage_at: at(last),
      hold_expires_on: plan.stage === 'provisional' ? (plan.holdExpiresOn ?? addDays(today, 14)) : null,
      lost_reason: closing.reason,
      competitor: closing.competitor,
      closing_note: closing.note,
      created_at: created,
      updated_at: at(last),
    });
    counts.banquets++;
    for (const step of timeline) {
      const when = at(step);
      const final = step === last;
      session.writeRow('banquet_stages', uuidv7(), {
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
        session.writeRow('follow_ups', uuidv7(), {
          banquet_id: id,
          guest_id: input.ids[guestIndex],
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
  });
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
  const ids = HALLS.map(() => uuidv7());
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

/**
 * The deals to write. Past ones in two windows (13–18 months ago, and the last twelve months, so the
 * report's default range surely has held, lost and cancelled deals), then the open ones ahead.
 */
function planDeals(
  draw: Draw,
  today: string,
  dayIn: (from: string, to: string, months: number[]) => string,
): DealPlan[] {
  const type = () => draw.weighted(TYPES, (t) => TYPE_WEIGHT[t]);
  const plans: DealPlan[] = [];
  const past = (from: string, to: string, stages: Stage[]) => {
    for (const stage of draw.shuffle(stages)) {
      const t = type();
      plans.push({ type: t, date: dayIn(from, to, TYPE_SHAPE[t].months), stage });
    }
  };
  const stages = (held: number, lost: number, cancelled: number): Stage[] => [
    ...Array<Stage>(held).fill('held'),
    ...Array<Stage>(lost).fill('lost'),
    ...Array<Stage>(cancelled).fill('cancelled'),
  ];
  past(addDays(today, -545), addDays(addYears(today, -1), -1), stages(4, 3, 1));
  past(addDays(addYears(today, -1), 1), addDays(today, -3), stages(10, 6, 1));
  // Last year's year-end parties: their calls for this year's come up in the autumn.
  const lastDecember = `${Number(today.slice(0, 4)) - 1}-12`;
  for (const day of ['05', '12', '19']) plans.push({ type: 'bonenkai', date: `${lastDecember}-${day}`, stage: 'held' });
  // A family's 一周忌 about ten months ago: its 三回忌 call comes up now (the anniversary two months ahead).
  const death = addYears(addMonths(today, 2), -2);
  plans.push({
    type: 'memorial',
    date: addDays(addYears(death, 1), -draw.between(3, 10)),
    stage: 'held',
    dateOfDeath: death,
  });
  // A 七回忌 held this year, a little before the anniversary.
  const seventhHeld = dayIn(addDays(today, -300), addDays(today, -20), []);
  plans.push({
    type: 'memorial',
    date: seventhHeld,
    stage: 'held',
    dateOfDeath: addYears(addDays(seventhHeld, draw.between(3, 20)), -6),
  });
  // Yesterday's party, not yet marked held.
  plans.push({ type: type(), date: addDays(today, -1), stage: 'confirmed' });
  // Ahead: open deals, two holds lapsing this week, a lost and a cancelled one.
  const ahead = (stage: Stage, extra: Partial<DealPlan> = {}) => {
    const t = extra.type ?? type();
    plans.push({ type: t, date: dayIn(addDays(today, 5), addDays(today, 90), TYPE_SHAPE[t].months), stage, ...extra });
  };
  for (const stage of [
    'inquiry',
    'inquiry',
    'inquiry',
    'proposal',
    'proposal',
    'proposal',
    'confirmed',
    'confirmed',
  ] as Stage[])
    ahead(stage);
  ahead('provisional', { holdExpiresOn: addDays(today, 2) });
  ahead('provisional', { holdExpiresOn: addDays(today, 5) });
  ahead('provisional', { holdExpiresOn: addDays(today, 20) });
  // A 七回忌 held provisionally: the date of death six years before it.
  const seventh = addDays(today, draw.between(30, 80));
  ahead('provisional', {
    type: 'memorial',
    date: seventh,
    dateOfDeath: addDays(addYears(seventh, -6), draw.between(2, 12)),
    holdExpiresOn: addDays(today, 10),
  });
  ahead('lost');
  ahead('cancelled');
  return plans.map((plan) =>
    plan.type === 'memorial' && !plan.dateOfDeath && draw.chance(0.7)
      ? { ...plan, dateOfDeath: addYears(addDays(plan.date, draw.between(5, 40)), -draw.pick([1, 2, 6, 12])) }
      : plan,
  );
}

type TimelineStep = { stage: Stage; day: string; hour: number };

/** The stages a deal went through to its current one, each on a day between the inquiry and now. */
function timelineOf(draw: Draw, plan: DealPlan, date: string, today: string): TimelineStep[] {
  const path: Stage[] =
    plan.stage === 'held'
      ? ['inquiry', 'proposal', ...(draw.chance(0.4) ? (['provisional'] as Stage[]) : []), 'confirmed', 'held']
      : plan.stage === 'lost'
        ? ['inquiry', 'proposal', ...(draw.chance(0.4) ? (['provisional'] as Stage[]) : []), 'lost']
        : plan.stage === 'cancelled'
          ? ['inquiry', 'proposal', 'confirmed', 'cancelled']
          : plan.stage === 'inquiry'
            ? ['inquiry']
            : plan.stage === 'proposal'
              ? ['inquiry', 'proposal']
              : plan.stage === 'provisional'
                ? ['inquiry', 'proposal', 'provisional']
                : ['inquiry', 'proposal', 'provisional', 'confirmed'];
  // The inquiry came one to four months ahead (never after today); held is marked the day after.
  let inquiry = addDays(date, -draw.between(30, 120));
  if (inquiry > today) inquiry = addDays(today, -draw.between(0, 20));
  const end = plan.stage === 'held' ? addDays(date, 1) : date < today ? addDays(date, -1) : today;
  const lastDay = end > today ? today : end < inquiry ? inquiry : end;
  const span = Math.round((Date.parse(lastDay) - Date.parse(inquiry)) / 86_400_000);
  return path.map((stage, index) => ({
    stage,
    day: addDays(inquiry, Math.floor((span * index) / Math.max(1, path.length - 1))),
    hour: 10 + index,
  }));
}

function closingOf(draw: Draw, stage: Stage) {
  if (stage === 'lost') {
    const reason = draw.weighted(LOST_REASONS, (r) => (r === 'price' ? 4 : r === 'date_unavailable' ? 3 : 1));
    return {
      reason,
      competitor: draw.weighted(COMPETITORS, (c) => COMPETITORS.length - COMPETITORS.indexOf(c)),
      note: LOST_NOTES[reason],
    };
  }
  if (stage === 'cancelled') return { reason: null, competitor: '', note: draw.pick(CANCEL_NOTES) };
  return { reason: null, competitor: '', note: '' };
}

function groupNameOf(draw: Draw, guest: GeneratedGuest, type: BanquetType): string {
  if (type === 'memorial') return `${guest.family_name}家`;
  if (type === 'wedding') return `${guest.family_name}家・${draw.pick(['田中', '鈴木', '高橋', '渡辺'])}家 ご両家`;
  const company =
    guest.organization || draw.pick(['本町商店会', '緑が丘町内会', '城西高校 同窓会', '若葉台ゴルフ同好会']);
  const suffix: Record<BanquetType, string> = {
    bonenkai: ' 忘年会',
    shinnenkai: ' 新年会',
    farewell: ' 歓送迎会',
    memorial: '',
    wedding: '',
    meeting: ' 定例会議',
    social: ' 懇親会',
    other: ' 会食',
  };
  return `${company}${suffix[type]}`;
}
