import type { CoreContext, Handlers } from '../context.ts';

type StayCalls = 'stays.create' | 'stays.update' | 'stays.get';

// STUB: being written (issue 3). Each call throws until implemented.
export function stayHandlers(_ctx: CoreContext): Handlers<StayCalls> {
  const notYet = (name: string) => () => {
    throw new Error(`${name} is not implemented yet`);
  };
  return {
    'stays.create': notYet('stays.create'),
    'stays.update': notYet('stays.update'),
    'stays.get': notYet('stays.get'),
  };
}
