import { CallFailure } from '../../../shared/contract/result.ts';
import type { CoreContext, Handlers } from '../context.ts';

export type ImportCalls = 'imports.preview' | 'imports.run' | 'imports.setAsideFile' | 'imports.list' | 'imports.undo';

// Being built: the reader, cleansing and the batch writer land next.
export function importHandlers(_ctx: CoreContext): Handlers<ImportCalls> {
  const notYet = () => {
    throw new CallFailure('internal', 'not_built');
  };
  return {
    'imports.preview': notYet,
    'imports.run': notYet,
    'imports.setAsideFile': notYet,
    'imports.list': () => ({ imports: [] }),
    'imports.undo': notYet,
  };
}
