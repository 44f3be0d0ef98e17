import type { CoreContext, Handlers } from '../context.ts';
import { courseHandlers } from './courses.ts';
import { dishHandlers } from './dishes.ts';
import { menuHandlers } from './menus.ts';
import { servedHandlers } from './served.ts';

type KitchenCalls =
  | 'dishes.list'
  | 'dishes.create'
  | 'dishes.update'
  | 'dishes.delete'
  | 'dishes.restore'
  | 'courses.list'
  | 'courses.create'
  | 'courses.update'
  | 'courses.delete'
  | 'served.record'
  | 'served.react'
  | 'served.retract'
  | 'served.forStay'
  | 'menus.check'
  | 'menus.plan'
  | 'menus.update'
  | 'menus.serve'
  | 'menus.forStay';

/** The kitchen's calls: the dish catalogue, courses, what was served, and menu planning with its warnings. */
export function kitchenHandlers(ctx: CoreContext): Handlers<KitchenCalls> {
  return {
    ...dishHandlers(ctx),
    ...courseHandlers(ctx),
    ...servedHandlers(ctx),
    ...menuHandlers(ctx),
  };
}
