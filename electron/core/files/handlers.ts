import { personIdOf } from '../access/check.ts';
import type { CoreContext, Handlers } from '../context.ts';

export function fileHandlers(ctx: CoreContext): Handlers<'files.upload' | 'files.download'> {
  return {
    'files.upload': (input) => ctx.files.receive(input),
    'files.download': ({ file, offset }, actor) => ctx.files.chunk(file, offset, personIdOf(actor.grant)),
  };
}
