import {
  CallFailure,
  type CallName,
  contract,
  fail,
  isCallName,
  ok,
  type Result,
  toIssues,
} from '../../shared/contract/index.ts';
import type { Actor, Handler, Logger } from './context.ts';

// One call, from name and raw input to a Result: the contract's input schema, the staff check for writes, the
// handler, and the output schema, so a handler cannot leak a field the contract does not promise. Handlers
// may answer with a promise (a long job answers when its last slice is done); a synchronous handler still runs
// at once, inside `call`, so calls that do not wait on a job are answered in the order they came.

// Calls that may write before anyone is chosen at this PC: adding the first staff member, and sample
// data on first run. Their change-log entries name no staff member.
const WRITES_WITHOUT_STAFF = new Set<CallName>(['staff.create', 'demo.load']);

export type DispatchOptions = {
  handlers: { [N in CallName]: Handler<N> };
  logger: Logger;
  /** Who is working at this PC, for a writing call. */
  currentStaff(): string | null;
  /** The actor of one call: writes as `staffId` and collects the tables changed into `changed`. */
  actorFor(staffId: string | null, changed: Set<string>): Actor;
  /** Told the tables a call changed, once it has answered (even when it failed or was cancelled). */
  emitChanged(tables: string[]): void;
};

export function createDispatcher(options: DispatchOptions) {
  const { handlers, logger } = options;
  return async function dispatch(name: string, input: unknown): Promise<Result<unknown>> {
    if (!isCallName(name)) return fail('unknown_call');
    const spec = contract[name];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) return fail('invalid_input', undefined, toIssues(parsed.error.issues));
    const staffId = spec.writes ? options.currentStaff() : null;
    if (spec.writes && staffId === null && !WRITES_WITHOUT_STAFF.has(name)) return fail('no_staff');
    const changed = new Set<string>();
    const actor = options.actorFor(staffId, changed);
    try {
      const handler = handlers[name] as Handler<CallName>;
      const value = await handler(parsed.data as never, actor);
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        logger.error(`output of ${name} does not match the contract`, checked.error.issues);
        return fail('internal');
      }
      return ok(checked.data);
    } catch (error) {
      if (error instanceof CallFailure) return { ok: false, error: error.error };
      logger.error(`call ${name} failed`, error);
      return fail('internal');
    } finally {
      options.emitChanged([...changed]);
    }
  };
}
