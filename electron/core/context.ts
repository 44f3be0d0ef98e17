import type { Database } from 'better-sqlite3';
import type { Runner } from '../../db/query.ts';
import type { CallName, CallOutput, ParsedInput } from '../../shared/contract/index.ts';
import type { Grant } from './access/check.ts';
import type { AfterAnswer } from './after-answer.ts';
import type { ArrivalCache } from './arrivals/arrival-cache.ts';
import type { ChangeEngine } from './changes/engine.ts';
import type { WriteSession } from './changes/write.ts';
import type { FileStore } from './files/store.ts';
import type { NameFormatter } from './guests/rows.ts';
import type { JobRunner } from './jobs/runner.ts';
import type { CatalogueCache } from './kitchen/catalogue-cache.ts';
import type { HistoryCache } from './kitchen/history-cache.ts';
import type { ReadSnapshot } from './read-snapshot.ts';

export type Logger = Pick<Console, 'info' | 'warn' | 'error'>;

/** What every domain's handlers get: the database, the one write path, and the facts of this PC. */
export type CoreContext = {
  db: Database;
  run: Runner;
  /** The log, the clock, the write and apply paths (changes/engine.ts). */
  changes: ChangeEngine;
  clock: () => number;
  /** The inn's time zone (a setting): times and "today" are the inn's, never the process's zone. */
  timeZone: () => string;
  /** The inn's calendar day now, in its zone: arrivals of today, overdue holds, allergies due a re-confirm. */
  today: () => string;
  /** A new record id (UUIDv7; tests pass a seeded one so a simulation replays exactly). */
  newId: () => string;
  nodeId: string;
  logger: Logger;
  version: string;
  /** Name fields with derived romaji, cached per core. */
  names: NameFormatter;
  /** Long jobs in slices, with progress and cancel (jobs/runner.ts). */
  jobs: JobRunner;
  /** Each guest's stays and each stay's servings, kept between calls (kitchen/history-cache.ts). */
  histories: HistoryCache;
  /** Each arriving party's history-made entry, kept between calls (arrivals/arrival-cache.ts). */
  arrivals: ArrivalCache;
  /** The dish catalogue as the warnings read it, kept between calls (kitchen/catalogue-cache.ts). */
  catalogue: CatalogueCache;
  /** Files on their way in (a ledger to import) or out (an export), in memory (files/store.ts). */
  files: FileStore;
  /** Work calls left until they answered (after-answer.ts): run it before reading what it writes. */
  afterAnswer: AfterAnswer;
  /** The read transaction a read call runs in (read-snapshot.ts): ended before anything writes. */
  readSnapshot: ReadSnapshot;
};

/** The caller of one call: who is working at this PC, and how to write as them. */
export type Actor = ActorBase & {
  /**
   * Work left until the call has answered, so that it is not in the time staff wait (a card's access record):
   * run at the next turn of the event loop, through an actor of its own (after-answer.ts).
   */
  afterAnswer(work: (actor: ActorBase) => void): void;
};

export type ActorBase = {
  staffId: string | null;
  /** What the person making the call may do (access/check.ts), for rules finer than the call's permission. */
  grant: Grant;
  /** Runs `work` in one transaction through the write path; screens are told what changed after commit. */
  write<T>(work: (session: WriteSession) => T): T;
  /** Tells open screens that data they show changed without a logged write (who is working at this PC). */
  announce(table: string): void;
  /**
   * A small record made beside what a call does, read or write (an access log entry, access/record.ts): logged
   * under the person chosen at this PC now, or nobody; `staffId` is that person. From a read call it is its own
   * short transaction, which takes the write lock itself (a read holds none); from a write, part of the call's.
   */
  recordAside<T>(work: (session: WriteSession, staffId: string | null) => T): T;
};

/** Answers a call; a long job answers asynchronously, when its last slice is done. */
export type Handler<N extends CallName> = (
  input: ParsedInput<N>,
  actor: Actor,
) => CallOutput<N> | Promise<CallOutput<N>>;

export type Handlers<N extends CallName> = { [K in N]: Handler<K> };
