import { type BanquetType, LOST_REASONS, type Stage } from '../../../shared/contract/banquets.ts';
import { addDays, addMonths, addYears } from '../../../shared/text/dates.ts';
import {
  CANCEL_NOTES,
  COMPETITORS,
  type DealPlan,
  LOST_NOTES,
  TYPE_SHAPE,
  TYPE_WEIGHT,
  TYPES,
} from './banquet-catalogue.ts';
import type { GeneratedGuest } from './generate.ts';
import type { Draw } from './random.ts';

// The sample deals' plans: which types on which days in which stage, the timeline each went through to its
// stage, and what a lost or cancelled one says. Pure draws from the banquet PRNG stream; written elsewhere.

/**
 * The deals to write. Past ones in two windows (13–18 months ago, and the last twelve months, so the
 * report's default range surely has held, lost and cancelled deals), then the open ones ahead.
 */
export function planDeals(
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

export type TimelineStep = { stage: Stage; day: string; hour: number };

/** The stages a deal went through to its current one, each on a day between the inquiry and now. */
export function timelineOf(draw: Draw, plan: DealPlan, date: string, today: string): TimelineStep[] {
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

export function closingOf(draw: Draw, stage: Stage) {
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

export function groupNameOf(draw: Draw, guest: GeneratedGuest, type: BanquetType): string {
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
