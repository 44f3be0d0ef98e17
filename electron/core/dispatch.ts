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
import { cleanInput } from '../../shared/text/clean.ts';
import type { Grant } from './access/check.ts';
import type { Actor, Handler, Logger } from './context.ts';

// One call, from name and raw input to a Result: the access check (the person's roles against the call's
// permission, before anything else: a refused call reads nothing and changes nothing), the contract's input
// schema, the staff check for writes, the handler, the redaction of what the person may not see, and the
// output schema, so a handler cannot leak a field the contract does not promise. Handlers
// may answer with a promise (a long job answers when its last slice is done); a synchronous handler still runs
// at once, inside `call`, so calls that do not wait on a job are answered in the order they came.
//
// A writing call's synchronous part runs holding the write lock (BEGIN IMMEDIATE): its checks read what is
// committed and nobody can change it before its write commits. A long job writes in slices, each its own
// transaction, so only its start runs under the lock.

// Calls that may write before anyone is chosen at this PC, each only while the register has nothing of its
// kind (their handlers refuse `no_staff` otherwise): adding a staff member while nobody could be chosen (first
// run), and sample data into a register without guests. Their change-log entries name no staff member.
const WRITES_WITHOUT_STAFF = new Set<CallName>(['staff.create', 'demo.load']);

/** Per-call options that are not part of a call's input, from the doors. */
export type CallOptions = {
  /**
   * Makes a write call safe to retry: a second call with the same id (after an answer was lost) is not run
   * again; it gets the first call's answer.
   */
  requestId?: string;
  /** Other options pass through the doors untouched (the worker host's tests use one). */
  readonly [option: string]: unknown;
};

type RequestLog = {
  find(id: string, call: string): Result<unknown> | undefined;
  keep(id: string, call: string, result: Result<unknown>): void;
};

export type DispatchOptions = {
  handlers: { [N in CallName]: Handler<N> };
  logger: Logger;
  /** Who is working at this PC, for a writing call. */
  currentStaff(): string | null;
  /** Whether the person at this PC may make the call: their grant, or a CallFailure (access/check.ts). */
  authorize(name: CallName): Grant;
  /** The answer as the person may see it (access/redact.ts). */
  redact(name: CallName, value: unknown, grant: Grant): unknown;
  /** The actor of one call: writes as `staffId` and collects the tables changed into `changed`. */
  actorFor(staffId: string | null, call: string, changed: Set<string>, grant: Grant): Actor;
  /** Told the tables a call changed, once it has answered (even when it failed or was cancelled). */
  emitChanged(tables: string[]): void;
  /** Before a writing call: what earlier calls left until after their answer is written first, in order. */
  beforeWrite(): void;
  /** Runs `work` in one transaction that takes the write lock first. */
  underWriteLock<T>(work: () => T): T;
  /** Runs a read call's handler, in one read transaction where the call is only a read (read-snapshot.ts). */
  underReadSnapshot<T>(name: CallName, work: () => T): T;
  /** After a writing call committed (WAL upkeep). */
  afterWrite(): void;
  requests: RequestLog;
  /** An expected failure other than CallFailure (an edit based on an old version), as its answer. */
  failureOf(error: unknown): Result<never> | undefined;
};

/** Thrown inside a write's transaction to roll it back and answer `internal` (already logged). */
class InternalFailure extends Error {}

const isPromise = (value: unknown): value is Promise<unknown> =>
  typeof (value as { then?: unknown } | null)?.then === 'function';

const REQUEST_ID = /^[\x21-\x7e]{1,100}$/;

/** The core's own calls (the search index rebuilt at start): not a person's, so not checked. */
const CORE_GRANT: Grant = { person: null, can: () => true };

export function createDispatcher(options: DispatchOptions) {
  const { handlers, logger } = options;
  return async function dispatch(
    name: string,
    input: unknown,
    callOptions: CallOptions = {},
    asCore = false,
  ): Promise<Result<unknown>> {
    if (!isCallName(name)) return fail('unknown_call');
    let grant: Grant;
    try {
      grant = asCore ? CORE_GRANT : options.authorize(name);
    } catch (error) {
      if (error instanceof CallFailure) return { ok: false, error: error.error };
      logger.error(`access check of ${name} failed`, error);
      return fail('internal');
    }
    const spec = contract[name];
    // One well-formed text before the checks, the row and the log (shared/text/clean.ts). A check that throws
    // (a refinement handed a value it did not expect) is this program's fault, not the caller's: reported as
    // `internal` and logged, never thrown at the door that called.
    let parsed: ReturnType<typeof spec.input.safeParse>;
    try {
      parsed = spec.input.safeParse(cleanInput(input ?? {}));
    } catch (error) {
      logger.error(`input check of ${name} failed`, error);
      return fail('internal');
    }
    if (!parsed.success) return fail('invalid_input', undefined, toIssues(parsed.error.issues));
    if (spec.writes) options.beforeWrite();
    const staffId = spec.writes ? options.currentStaff() : null;
    if (spec.writes && staffId === null && !WRITES_WITHOUT_STAFF.has(name)) return fail('no_staff');
    const requestId = spec.writes ? callOptions.requestId : undefined;
    if (requestId !== undefined) {
      if (typeof requestId !== 'string' || !REQUEST_ID.test(requestId)) {
        return fail('invalid_input', undefined, [{ path: 'requestId', code: 'invalid_format' }]);
      }
      const earlier = options.requests.find(requestId, name);
      if (earlier) return earlier;
    }
    const changed = new Set<string>();
    const actor = options.actorFor(staffId, name, changed, grant);
    const handler = handlers[name] as Handler<CallName>;
    const answer = (value: unknown): Result<unknown> => {
      const checked = spec.output.safeParse(options.redact(name, value, grant));
      if (!checked.success) {
        logger.error(`output of ${name} does not match the contract`, checked.error.issues);
        throw new InternalFailure();
      }
      const result = ok(checked.data);
      if (requestId !== undefined) options.requests.keep(requestId, name, result);
      return result;
    };
    try {
      let result: Result<unknown>;
      if (spec.writes && !('job' in spec && spec.job)) {
        result = options.underWriteLock(() => {
          const value = handler(parsed.data as never, actor);
          if (isPromise(value)) throw new Error(`${name} answered asynchronously: mark it a job in the contract`);
          return answer(value);
        });
        options.afterWrite();
      } else if (spec.writes) {
        // A job writes in slices, each its own transaction (jobs/write-slices.ts); its answer is kept after.
        const value = await handler(parsed.data as never, actor);
        result = requestId === undefined ? answer(value) : options.underWriteLock(() => answer(value));
      } else {
        result = answer(await options.underReadSnapshot(name, () => handler(parsed.data as never, actor)));
      }
      return result;
    } catch (error) {
      if (error instanceof CallFailure) return { ok: false, error: error.error };
      const failure = options.failureOf(error);
      if (failure) return failure;
      if (!(error instanceof InternalFailure)) logger.error(`call ${name} failed`, error);
      return fail('internal');
    } finally {
      options.emitChanged([...changed]);
    }
  };
}
