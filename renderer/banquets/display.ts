// How the banquet screens show a deal: stage colours, the time span, the organiser with 様, halls.
// One place, so the pipeline, the calendar, the deal page and the reports use the same words and colours.

import i18next from 'i18next';
import { OPEN_STAGES } from '../../shared/contract/banquet-codes.ts';
import type { Banquet, FollowUp, Stage } from '../../shared/contract/banquets.ts';
import { formatDayWithWeekday } from '../service/format.ts';

/** Open stages in cool colours growing firmer; held is done (teal); lost and cancelled are grey/red. */
export const STAGE_COLOR: Record<Stage, string> = {
  inquiry: 'gray',
  proposal: 'blue',
  provisional: 'yellow',
  confirmed: 'indigo',
  held: 'teal',
  lost: 'red',
  cancelled: 'dark',
};

/** The tables whose changes can change what a banquet screen shows. */
export const BANQUET_TABLES = [
  'banquets',
  'banquet_stages',
  'follow_ups',
  'halls',
  'guests',
  'allergies',
  'allergens',
  'courses',
  'dishes',
  'staff',
] as const;

export function stageLabel(stage: Stage): string {
  return i18next.t(`banquet.codes.stage.${stage}`);
}

/** 18:00〜20:30 */
export function timeSpan(banquet: Pick<Banquet, 'startTime' | 'endTime'>): string {
  return i18next.t('banquet.common.timeSpan', { start: banquet.startTime, end: banquet.endTime });
}

/** 山田 太郎 様 */
export function sama(name: string): string {
  return i18next.t('banquet.common.sama', { name });
}

/** What staff call the deal: its group, or the organiser's name when there is no group. */
export function dealTitle(banquet: Pick<Banquet, 'groupName' | 'organiserName'>): string {
  return banquet.groupName || sama(banquet.organiserName);
}

export function hallList(banquet: Pick<Banquet, 'hallNames'>): string {
  return banquet.hallNames.length > 0
    ? banquet.hallNames.join(i18next.t('kitchen.common.separator'))
    : i18next.t('banquet.common.noHall');
}

/** 三回忌 2027年3月10日(水), or 忘年会 2027年12月10日(金): what a follow-up call is about. */
export function followUpWhat(followUp: FollowUp, language: string): string {
  const date = formatDayWithWeekday(followUp.eventDate, language);
  if (followUp.kind === 'memorial' && followUp.memorialYear !== null) {
    const key = `banquet.codes.memorialYear.${followUp.memorialYear}`;
    const name = i18next.exists(key) ? i18next.t(key) : i18next.t('banquet.codes.followUpKind.memorial');
    return i18next.t('banquet.followUps.what', { event: name, date });
  }
  return i18next.t('banquet.followUps.what', { event: i18next.t(`banquet.codes.type.${followUp.type}`), date });
}

/**
 * A deal still open (inquiry to confirmed) whose day has passed: nobody marked it held or lost. It stays in
 * the open deals, first, with a prompt, until someone closes it: the report counts only what was closed.
 */
export function isOverdue(banquet: { date: string; stage: string }, today: string): boolean {
  return banquet.date < today && (OPEN_STAGES as readonly string[]).includes(banquet.stage);
}
