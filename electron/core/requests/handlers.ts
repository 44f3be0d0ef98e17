import type { CoreContext, Handlers } from '../context.ts';

type RequestCalls = 'requests.record' | 'requests.setStatus' | 'requests.forGuest';

// STUB: being written (issue 3). Each call throws until implemented.
export function requestHandlers(_ctx: CoreContext): Handlers<RequestCalls> {
  const notYet = (name: string) => () => {
    throw new Error(`${name} is not implemented yet`);
  };
  return {
    'requests.record': notYet('requests.record'),
    'requests.setStatus': notYet('requests.setStatus'),
    'requests.forGuest': notYet('requests.forGuest'),
  };
}
