// errors.detail.* for the banquet handlers' details; same keys as banquet-errors.ja.ts.
import type { jaBanquetErrors } from './banquet-errors.ja.ts';

export const enBanquetErrors: Record<keyof typeof jaBanquetErrors, string> = {
  hall_not_found: 'This hall was not found',
  hall_deleted: 'A withdrawn hall is included. Restore it or choose another hall.',
  hall_already_deleted: 'This hall is already withdrawn',
  hall_not_deleted: 'This hall is not withdrawn',
  halls_not_combinable: 'These halls cannot be opened into one',
  hall_not_offered_in_layout: 'This hall is not offered in this layout',
  over_capacity: 'The headcount is over the capacity of the hall ({{capacity}})',
  hall_clash:
    '{{hall}} is held on {{date}} {{startTime}}–{{endTime}} by "{{group}}" ({{organiser}}, $t(banquet.codes.stage.{{stage}}))',
  hall_clash_organiser:
    '{{hall}} is held on {{date}} {{startTime}}–{{endTime}} by {{organiser}} ($t(banquet.codes.stage.{{stage}}))',
  hall_required: 'Choose a hall before holding or confirming',
  banquet_not_found: 'This banquet was not found',
  stage_not_allowed: 'A deal cannot move to that stage from this one',
  banquet_closed: 'A lost, cancelled or held banquet cannot be changed',
  not_yet_held: 'A banquet can be marked held only on or after its date',
  hold_expiry_past: 'The hold must expire today or later',
  hold_after_banquet: 'The hold must expire on or before the day of the banquet',
  date_of_death_required:
    'Enter the date of death before marking a memorial service held (the next anniversaries count from it)',
  follow_up_not_found: 'This follow-up was not found',
};
