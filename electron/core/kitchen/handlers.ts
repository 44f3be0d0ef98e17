import type { CoreContext, Handlers } from '../context.ts';

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

// STUB: being written (issue 3). Each call throws until implemented.
export function kitchenHandlers(_ctx: CoreContext): Handlers<KitchenCalls> {
  const notYet = (name: string) => () => {
    throw new Error(`${name} is not implemented yet`);
  };
  return {
    'dishes.list': notYet('dishes.list'),
    'dishes.create': notYet('dishes.create'),
    'dishes.update': notYet('dishes.update'),
    'dishes.delete': notYet('dishes.delete'),
    'dishes.restore': notYet('dishes.restore'),
    'courses.list': notYet('courses.list'),
    'courses.create': notYet('courses.create'),
    'courses.update': notYet('courses.update'),
    'courses.delete': notYet('courses.delete'),
    'served.record': notYet('served.record'),
    'served.react': notYet('served.react'),
    'served.retract': notYet('served.retract'),
    'served.forStay': notYet('served.forStay'),
    'menus.check': notYet('menus.check'),
    'menus.plan': notYet('menus.plan'),
    'menus.update': notYet('menus.update'),
    'menus.serve': notYet('menus.serve'),
    'menus.forStay': notYet('menus.forStay'),
  };
}
