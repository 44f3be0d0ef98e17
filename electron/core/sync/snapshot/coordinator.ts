import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { RestoreHook } from '../../backups/service.ts';
import type { Logger } from '../../context.ts';
import type { SnapshotRefusal } from '../messages.ts';
import type { SessionSnapshot, SyncLog } from '../session-terms.ts';
import type { SyncFile } from '../state-file.ts';
import { carryOver } from './carry-over.ts';
import { PARTIAL_NAME, RECEIVED_NAME, receiveSnapshot } from './receive.ts';
import { outgoingPrefix, sendSnapshot } from './send.ts';
import { type EpochRow, type KeptOwn, type RequestRow, stageSnapshot } from './stage.ts';

// The first join by snapshot on this PC (docs/sync-protocol.md, "First join by snapshot"): which session may
// ask for a copy or serve one, the transfers under way (for the status), and the swap.
//
// - A new PC asks for a copy when it holds no register of its own (no guests but sample data: the rule that
//   decides whether joining needs `mergeRegister`) and nothing from any other PC (it never synced), has not
//   joined by snapshot before, and has failed fewer than MAX_TRIES times. One session at a time may ask.
// - A member refuses when it ever loaded sample data (a copy would carry the sample guests, which sync never
//   ships: the new PC then replays, and the log's exporter leaves them out), when the new PC's schema is older
//   than its own (the new PC could not open the copy), or while it already sends one.
// - A copy received whole is checked and reset (stage.ts), the register in use goes aside and the copy takes
//   its name through the core's restore hook (the worker closes the core, swaps the files and opens a new core
//   on the copy, which takes a new node id). sync.json notes the swap first (`pending`), so the new core's
//   sync service, or the next start after a crash, finishes it: what the old register holds beyond the copy
//   is carried over (carry-over.ts) and the join is recorded.

const MAX_TRIES = 3;

export type SnapshotProgress = { done: number; total: number };

/** How often a checked copy looks again whether the core is free to be swapped. */
const BUSY_RETRY_MS = 1_000;

export function createSnapshotCoordinator(options: {
  db: Database;
  log: SyncLog;
  /** The sync folder: the copies live there while they travel. */
  folder: string;
  file: SyncFile;
  save(): void;
  hasOwnGuests(): boolean;
  restore: RestoreHook | undefined;
  /**
   * Whether the core is in the middle of something a swap would cut short (a job such as an import or a
   * backup, or the app quitting): the checked copy then waits, as backups.restore refuses to run meanwhile.
   */
  busy?: () => boolean;
  clock(): number;
  logger: Logger;
}) {
  const { db, log, folder, file, logger } = options;
  const staged = `${db.name}.snapshot`;
  let claimedBy: string | null = null;
  /** A received copy is being checked or swapped in: no other copy may be asked for, or land on its file. */
  let swapping = false;
  let servingTo: string | null = null;
  /** The core is closing (the app quits, or a restore replaces the register): no swap may start now. */
  let closed = false;
  const progress = new Map<string, SnapshotProgress>();

  const ownNodes = db.prepare('SELECT node FROM node_epochs').pluck();
  const sampleLoaded = db
    .prepare("SELECT EXISTS (SELECT 1 FROM log_tx WHERE call = (SELECT id FROM log_calls WHERE name = 'demo.load'))")
    .pluck();
  const openEpoch = db
    .prepare('SELECT reason FROM node_epochs WHERE ended_at IS NULL ORDER BY started_at DESC')
    .pluck();
  const currentStaff = db.prepare("SELECT value FROM meta WHERE key = 'current_staff_id'").pluck();
  const nodeId = db.prepare("SELECT value FROM meta WHERE key = 'node_id'").pluck();
  const epochs = db.prepare('SELECT node, started_at, ended_at, reason FROM node_epochs');
  const requests = db.prepare('SELECT id, call, at, result FROM request_log');
  const keptOwn = (): KeptOwn => ({
    nodeId: nodeId.get() as string,
    epochs: epochs.all() as EpochRow[],
    currentStaffId: (currentStaff.get() as string | undefined) ?? null,
    requests: requests.all() as RequestRow[],
  });

  // Copies a crash or a kill left behind are of no use: a transfer always starts again from its first byte.
  const removeLeftovers = () => {
    if (!existsSync(folder)) return;
    for (const name of readdirSync(folder)) {
      if (name === PARTIAL_NAME || name === RECEIVED_NAME || name.startsWith(outgoingPrefix))
        rmSync(join(folder, name), { force: true });
    }
    rmSync(staged, { force: true });
  };

  /** A swap noted in sync.json: finish it on the register now open (the copy, unless the swap was undone). */
  const finishSwap = () => {
    const pending = file.snapshot.pending;
    if (!pending) return;
    // The copy opened as a new epoch marked `snapshot` (stage.ts, changes/identity.ts). Anything else means the
    // swap did not happen: undone because the copy would not open (the previous register is back, and the
    // aside name is gone), or cut by a crash before it began. (One cut between its two renames the worker
    // finished before this core opened: core-host/restore-file.ts.)
    const swapped = openEpoch.get() === 'snapshot';
    // Whatever is open now, what the previous register holds beyond it is brought in: nothing is lost.
    const carried = existsSync(pending.aside) ? carryOver(pending.aside, log) : 0;
    if (swapped) {
      file.snapshot.joined = { from: pending.from, at: pending.at, bytes: pending.bytes };
      file.snapshot.failures = 0;
      logger.info(
        `sync: joined by a register copy (${pending.bytes} bytes); ${carried} transactions carried over from ${basename(pending.aside)}`,
      );
    } else {
      file.snapshot.failures++;
      logger.warn('sync: a register copy was not swapped in; the previous register is in use');
    }
    file.snapshot.pending = null;
    options.save();
  };

  const wants = (peer: string): boolean => {
    if (claimedBy !== null || swapping || !options.restore) return false;
    if (file.snapshot.joined || file.snapshot.failures >= MAX_TRIES) return false;
    if (options.hasOwnGuests()) return false;
    const own = new Set(ownNodes.all() as string[]);
    if (log.states().some((state) => !own.has(state.node))) return false;
    claimedBy = peer;
    return true;
  };

  const failed = (peer: string, reason: string) => {
    progress.delete(peer);
    file.snapshot.failures++;
    options.save();
    logger.warn(`sync: the register copy from a member could not be taken (${reason}); the register is unchanged`);
  };

  const swapIn = async (peer: string, received: string) => {
    const restore = options.restore as RestoreHook;
    while (!closed && options.busy?.()) await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_MS));
    if (closed) {
      // Checked and whole, but the core is going away under it: the next start asks again.
      rmSync(received, { force: true });
      return;
    }
    const now = options.clock();
    renameSync(received, staged);
    const aside = asideName(db.name, now);
    const bytes = progress.get(peer)?.total ?? 0;
    file.snapshot.pending = { from: peer, at: new Date(now).toISOString(), aside, bytes };
    options.save();
    // The worker closes this core (and this service), swaps the files and opens a new core, whose sync service
    // finishes the join (finishSwap) and connects again. This service is closed by then: it saves nothing more.
    try {
      await restore(staged, aside);
    } catch (error) {
      logger.warn(`sync: the register copy could not be opened; the previous register is back (${String(error)})`);
    }
  };

  const session: SessionSnapshot = {
    wants,
    release(peer) {
      if (claimedBy === peer) claimedBy = null;
    },
    refusal(_peer, peerSchema): SnapshotRefusal | null {
      if (peerSchema < log.schema) return 'schema';
      if (servingTo !== null) return 'busy';
      if (sampleLoaded.get() === 1) return 'sample_data';
      return null;
    },
    serve(peer, send, ended) {
      servingTo = peer;
      progress.set(peer, { done: 0, total: 0 });
      return sendSnapshot({
        source: db.name,
        folder,
        schema: log.schema,
        send,
        ended,
        progress: (done, total) => progress.set(peer, { done, total }),
        finished: () => {
          if (servingTo === peer) servingTo = null;
          progress.delete(peer);
        },
        logger,
      });
    },
    receive(peer, send, fail) {
      progress.set(peer, { done: 0, total: 0 });
      return receiveSnapshot({
        folder,
        send,
        fail: (reason) => {
          failed(peer, reason);
          fail(reason);
        },
        progress: (done, total) => progress.set(peer, { done, total }),
        received: (received) => {
          swapping = true;
          void (async () => {
            const outcome = await stageSnapshot(received, keptOwn());
            if (!outcome.ok) {
              rmSync(received, { force: true });
              failed(peer, `${outcome.reason}: ${outcome.detail}`);
              return fail(outcome.reason);
            }
            await swapIn(peer, received);
          })()
            .catch((error: unknown) => {
              rmSync(received, { force: true });
              rmSync(staged, { force: true });
              failed(peer, String(error));
              fail('check_failed');
            })
            .finally(() => {
              swapping = false;
            });
        },
      });
    },
  };

  return {
    session,
    /** At the service's start: leftovers removed, a swap finished. */
    start() {
      finishSwap();
      removeLeftovers();
    },
    progress: (peer: string): SnapshotProgress | null => progress.get(peer) ?? null,
    close() {
      closed = true;
    },
    joined: () => file.snapshot.joined,
  };
}

/** yadocho-before-snapshot-20261204-093012.sqlite beside the register; never one in use. */
function asideName(databaseFile: string, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const stem = basename(databaseFile).replace(/\.sqlite$/, '');
  const base = join(dirname(databaseFile), `${stem}-before-snapshot-${stamp}`);
  let candidate = `${base}.sqlite`;
  for (let n = 2; existsSync(candidate); n++) candidate = `${base}-${n}.sqlite`;
  return candidate;
}
