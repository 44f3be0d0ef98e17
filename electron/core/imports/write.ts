import type { ImportCounts } from '../../../shared/contract/imports.ts';
import type { WriteSession } from '../changes/write.ts';
import type { Actor, CoreContext } from '../context.ts';
import { toColumns } from '../guests/columns.ts';
import type { SearchIndex } from '../guests/search-index.ts';
import type { SliceClock, SliceProgress } from '../jobs/runner.ts';
import { writeInSlices } from '../jobs/write-slices.ts';
import { stayColumns } from '../stays/validation.ts';
import type { CleanStay } from './cleanse.ts';
import { guestFields, type ImportPlan, type LedgerPerson } from './plan.ts';

// Writing a planned import: one batch under the staff member who ran it, through the one write path (so the
// change log has every row and sync ships it), in slices of whole persons: a guest with its stays and
// allergies is never split across two transactions. The `imports` row is written first, so a batch stopped
// half way (cancelled, or the PC closed) is still one batch that can be undone; it is marked finished last.

const DAY_MS = 24 * 60 * 60 * 1000;

function stayStatus(stay: CleanStay, today: string): string {
  return stay.departureDate < today ? 'departed' : 'booked';
}

/** Search ranks recent guests first: an imported guest is as recent as their last visit, not the import. */
function lastActivity(stays: readonly CleanStay[], now: number): number {
  const latest = stays.reduce((max, stay) => (stay.arrivalDate > max ? stay.arrivalDate : max), '');
  if (latest === '') return now;
  return Math.min(now, Date.parse(`${latest}T00:00:00Z`) + DAY_MS / 2);
}

function writePerson(
  ctx: CoreContext,
  session: WriteSession,
  importId: string,
  staffId: string | null,
  person: LedgerPerson,
  stays: readonly CleanStay[],
  today: string,
): string {
  const now = session.now();
  let guestId = person.existing?.id;
  if (!guestId) {
    guestId = ctx.newId();
    session.writeRow('guests', guestId, {
      ...toColumns(guestFields(person.guest)),
      created_at: now,
      last_activity_at: lastActivity(stays, session.nowMs()),
      import_id: importId,
    });
  }
  for (const stay of stays) {
    session.writeRow('stays', ctx.newId(), {
      plan: '',
      purpose: null,
      channel: null,
      staff_id: null,
      shared_room: false,
      ...stayColumns({ ...stay, guestId, status: stayStatus(stay, today) } as never),
      created_at: now,
      updated_at: now,
      import_id: importId,
    });
  }
  for (const allergy of person.allergies) {
    session.writeRow('allergies', ctx.newId(), {
      guest_id: guestId,
      allergen_id: allergy.allergenId,
      free_allergen: allergy.freeAllergen,
      severity: allergy.severity,
      traces_ok: false,
      note: allergy.source,
      // Never confirmed with the guest: shown as 要確認 until staff confirm or correct it.
      confirmed_at: '',
      confirmed_by: null,
      recorded_by: staffId,
      created_at: now,
      updated_at: now,
      import_id: importId,
    });
  }
  return guestId;
}

/**
 * Writes the plan, and uses it up: the caller has let go of it (handlers.ts), so its rows are dropped at the
 * start and each person (guest and allergies) once written; the stays, held compactly (planned-stays.ts), go
 * with the plan at the end. Let go as the write goes, the persons are not carried to the end of a long write.
 */
export function* writeImport(
  ctx: CoreContext,
  actor: Actor,
  slice: SliceClock,
  plan: ImportPlan,
  importId: string,
  searchIndex: SearchIndex,
): Generator<SliceProgress, ImportCounts, void> {
  const today = ctx.today();
  plan.rows = [];
  const persons: Array<LedgerPerson | undefined> = plan.persons;
  const total = persons.length;
  let done = 0;
  // The import's guests are indexed for search when its rows are written, in key order (search-index.ts says
  // why); also when it is stopped half way, so what it wrote is found.
  searchIndex.deferImport(importId);
  try {
    return yield* writePersons();
  } finally {
    // No pause here: a stop asked now must not leave written guests unfound.
    actor.write(() => searchIndex.finishImport(importId));
  }

  function writePersons() {
    return writeInSlices(
      actor,
      slice,
      function* (session) {
        session.writeRow('imports', importId, {
          file_name: plan.fileName,
          source_key: plan.sourceKey,
          format: plan.table.format,
          mapping: JSON.stringify(plan.mapping),
          counts: JSON.stringify(plan.counts),
          staff_id: actor.staffId,
          finished_at: null,
          undone_at: null,
          undone_by: null,
          created_at: session.now(),
        });
        for (let index = 0; index < persons.length; index++) {
          const person = persons[index] as LedgerPerson;
          const stays = plan.stays.of(index);
          persons[index] = undefined;
          done++;
          if (person.existing && stays.length === 0 && person.allergies.length === 0) continue;
          writePerson(ctx, session, importId, actor.staffId, person, stays, today);
          yield;
        }
        session.writeRow('imports', importId, { finished_at: session.now() });
        return plan.counts;
      },
      () => ({ done, total }),
    );
  }
}
