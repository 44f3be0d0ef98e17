import type { jaKitchenErrors } from './kitchen-errors.ja.ts';

export const enKitchenErrors: Record<keyof typeof jaKitchenErrors, string> = {
  dish_not_found: 'This dish cannot be found',
  dish_deleted: 'A withdrawn dish is included. Restore it or choose another dish.',
  dish_already_deleted: 'This dish is already withdrawn',
  dish_not_deleted: 'This dish is not withdrawn',
  course_not_found: 'This course cannot be found',
  course_deleted: 'This course is withdrawn',
  course_already_deleted: 'This course is already withdrawn',
  served_not_found: 'This served record cannot be found',
  served_retracted: 'This served record was retracted',
  served_already_retracted: 'This served record is already retracted',
  stay_cancelled: 'This stay is cancelled',
  menu_not_found: 'This menu cannot be found',
  menu_not_planned: 'This menu was already served or cancelled and cannot be changed',
  menu_already_planned: 'A menu is already planned for this meal on this day. Change that menu instead.',
};
