import type { GuestRow } from '../../../db/schema.ts';
import type {
  Candidate,
  DuplicateSide,
  MergeField,
  MergeSummary,
  Reasons,
} from '../../../shared/contract/duplicates.ts';
import { MERGE_FIELDS } from '../../../shared/contract/duplicates.ts';
import type { CoreContext } from '../context.ts';
import { COLUMN_OF } from '../guests/columns.ts';
import { SCANNED_AT_KEY } from './scan.ts';

// What the review screen reads: the pairs the last scan kept, as both cards side by side, without the pairs
// that no longer stand (decided 別人, or a guest merged or deleted since the scan), and the latest merges.

const CANDIDATES = `
  SELECT c.guest_a, c.guest_b, c.score, c.reasons, d.decision
    FROM duplicate_candidates c
    JOIN guests a ON a.id = c.guest_a AND a.deleted_at IS NULL
    JOIN guests b ON b.id = c.guest_b AND b.deleted_at IS NULL
    LEFT JOIN duplicate_decisions d ON d.guest_a = c.guest_a AND d.guest_b = c.guest_b
   WHERE d.decision IS NULL OR d.decision <> 'not_same'
   ORDER BY (d.decision = 'later') IS TRUE, c.score DESC, c.guest_a, c.guest_b`;

const STAYS_OF = `
  SELECT count(*) AS stays, max(arrival_date) AS last FROM stays WHERE guest_id = ? AND deleted_at IS NULL`;

function side(ctx: CoreContext, row: GuestRow): DuplicateSide {
  const stays = ctx.run.prepare(STAYS_OF).get(row.id) as { stays: number; last: string | null };
  return {
    id: row.id,
    familyName: row.family_name,
    givenName: row.given_name,
    familyReading: row.family_reading,
    givenReading: row.given_reading,
    phones: JSON.parse(row.phones),
    email: row.email,
    postalCode: row.postal_code,
    address: row.address,
    birthday: row.birthday,
    organization: row.organization,
    note: row.note,
    marketingConsent: row.marketing_consent === 1,
    nationality: row.nationality,
    passportNumber: row.passport_number,
    createdAt: row.created_at,
    stays: stays.stays,
    lastVisit: stays.last,
  };
}

export function differingFields(a: GuestRow, b: GuestRow): MergeField[] {
  return MERGE_FIELDS.filter((field) => {
    const column = COLUMN_OF[field] as keyof GuestRow;
    return a[column] !== b[column];
  });
}

export function listCandidates(ctx: CoreContext, limit: number) {
  const rows = ctx.run.prepare(CANDIDATES).all() as Array<{
    guest_a: string;
    guest_b: string;
    score: number;
    reasons: string;
    decision: string | null;
  }>;
  const guest = ctx.run.prepare('SELECT * FROM guests WHERE id = ?');
  const candidates: Candidate[] = rows.slice(0, limit).map((row) => {
    const a = guest.get(row.guest_a) as GuestRow;
    const b = guest.get(row.guest_b) as GuestRow;
    return {
      a: side(ctx, a),
      b: side(ctx, b),
      score: row.score,
      reasons: JSON.parse(row.reasons) as Reasons,
      differing: differingFields(a, b),
      later: row.decision === 'later',
    };
  });
  const scannedAt = ctx.run.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(SCANNED_AT_KEY) as
    | string
    | undefined;
  return { scannedAt: scannedAt ?? null, total: rows.length, candidates };
}

export function listMerges(ctx: CoreContext, limit: number): MergeSummary[] {
  const rows = ctx.run
    .prepare(
      `SELECT m.id, m.changes, m.created_at, m.undone_at, s.name AS by,
              k.id AS kept_id, k.family_name AS kept_family, k.given_name AS kept_given,
              g.id AS merged_id, g.family_name AS merged_family, g.given_name AS merged_given
         FROM guest_merges m
         JOIN guests k ON k.id = m.kept_id
         JOIN guests g ON g.id = m.merged_id
         LEFT JOIN staff s ON s.id = m.merged_by
        ORDER BY m.created_at DESC, m.id LIMIT ?`,
    )
    .all(limit) as Array<Record<string, string | null>>;
  return rows.map((row) => {
    const changes = JSON.parse(row.changes as string) as Array<[string, string, string]>;
    return {
      id: row.id as string,
      kept: { id: row.kept_id as string, familyName: row.kept_family as string, givenName: row.kept_given as string },
      merged: {
        id: row.merged_id as string,
        familyName: row.merged_family as string,
        givenName: row.merged_given as string,
      },
      at: row.created_at as string,
      by: row.by ?? null,
      // Records that moved: every change but the two guests' own fields.
      moved: changes.filter(([table]) => table !== 'guests').length,
      undoneAt: row.undone_at ?? null,
    };
  });
}
