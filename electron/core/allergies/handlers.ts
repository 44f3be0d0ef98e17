import type { CoreContext, Handlers } from '../context.ts';

type AllergyCalls =
  | 'allergens.list'
  | 'allergens.create'
  | 'allergens.update'
  | 'allergens.delete'
  | 'allergens.restore'
  | 'allergies.record'
  | 'allergies.correct'
  | 'allergies.retract'
  | 'allergies.restore'
  | 'allergies.confirm'
  | 'allergies.forGuest';

// STUB: being written (issue 3). Each call throws until implemented.
export function allergyHandlers(_ctx: CoreContext): Handlers<AllergyCalls> {
  const notYet = (name: string) => () => {
    throw new Error(`${name} is not implemented yet`);
  };
  return {
    'allergens.list': notYet('allergens.list'),
    'allergens.create': notYet('allergens.create'),
    'allergens.update': notYet('allergens.update'),
    'allergens.delete': notYet('allergens.delete'),
    'allergens.restore': notYet('allergens.restore'),
    'allergies.record': notYet('allergies.record'),
    'allergies.correct': notYet('allergies.correct'),
    'allergies.retract': notYet('allergies.retract'),
    'allergies.restore': notYet('allergies.restore'),
    'allergies.confirm': notYet('allergies.confirm'),
    'allergies.forGuest': notYet('allergies.forGuest'),
  };
}
