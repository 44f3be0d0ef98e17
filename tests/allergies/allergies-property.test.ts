import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededAllergenId } from '../../db/migrations/0002-service.ts';
import { SEVERITIES } from '../../shared/contract/allergies.ts';
import { serviceCore, TODAY } from '../service/helpers.ts';

// Random sequences of record / correct / retract / restore / confirm, valid or not, checked against a
// simple model: no record is ever lost or changed in content, the current ones are the model's, and
// every superseded record names the one that replaced it.

type Content = {
  allergenId: string | null;
  freeAllergen: string;
  severity: (typeof SEVERITIES)[number];
  tracesOk: boolean;
  note: string;
  confirmedAt: string;
};
type ModelRecord = Content & {
  id: string;
  guestId: string;
  state: 'current' | 'superseded' | 'retracted';
  supersedes: string | null;
  supersededBy: string | null;
};

const content = fc.record({
  allergen: fc.oneof(
    fc.constantFrom(1, 2, 6, 7).map((n) => ({ allergenId: seededAllergenId(n), freeAllergen: '' })),
    fc.constantFrom('アルコール', '生もの').map((name) => ({ allergenId: null, freeAllergen: name })),
  ),
  severity: fc.constantFrom(...SEVERITIES),
  tracesOk: fc.boolean(),
  note: fc.constantFrom('', '少量可', '加熱すれば可'),
  confirmedAt: fc.constantFrom('2024-02-29', '2025-12-01', TODAY),
});

const step = fc.oneof(
  fc.record({ kind: fc.constant('record' as const), guest: fc.nat(2), content }),
  fc.record({ kind: fc.constant('correct' as const), at: fc.nat(), content }),
  fc.record({ kind: fc.constant('retract' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('restore' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('confirm' as const), at: fc.nat() }),
);

type Generated = { allergen: { allergenId: string | null; freeAllergen: string } } & Omit<
  Content,
  'allergenId' | 'freeAllergen'
>;

/** The call's input: exactly one of allergenId and freeAllergen. */
function input(c: Generated) {
  const { allergen, ...rest } = c;
  return allergen.allergenId
    ? { allergenId: allergen.allergenId, ...rest }
    : { freeAllergen: allergen.freeAllergen, ...rest };
}

function modelContent(c: Generated): Content {
  const { allergen, ...rest } = c;
  return { ...allergen, ...rest };
}

describe('allergy records under any sequence of changes', () => {
  it('never lose a record, keep its content, and agree with a simple model', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), async (steps) => {
        const { core, call, guest } = await serviceCore();
        const guests = [await guest('佐藤'), await guest('鈴木'), await guest('高橋')];
        const model = new Map<string, ModelRecord>();
        const ids: string[] = [];
        // One current record per allergen and guest: a second is refused (correct the first instead).
        const key = (c: { allergenId: string | null; freeAllergen: string }) =>
          c.allergenId ?? `free:${c.freeAllergen}`;
        const twinOf = (guestId: string, c: { allergenId: string | null; freeAllergen: string }, except?: string) =>
          [...model.values()].some(
            (r) => r.guestId === guestId && r.state === 'current' && r.id !== except && key(r) === key(c),
          );
        const refusedAsTwin = (result: unknown) =>
          expect(result).toEqual({ ok: false, error: { code: 'conflict', detail: 'allergy_already_recorded' } });
        for (const s of steps) {
          if (s.kind === 'record') {
            const guestId = guests[s.guest] as string;
            if (twinOf(guestId, s.content.allergen)) {
              refusedAsTwin(await core.call('allergies.record', { guestId, ...input(s.content) }));
              continue;
            }
            const made = await call('allergies.record', { guestId, ...input(s.content) });
            const record: ModelRecord = {
              id: made.id,
              guestId,
              ...modelContent(s.content),
              state: 'current',
              supersedes: null,
              supersededBy: null,
            };
            model.set(made.id, record);
            ids.push(made.id);
            continue;
          }
          if (ids.length === 0) continue;
          const id = ids[s.at % ids.length] as string;
          const record = model.get(id) as ModelRecord;
          const allowed = s.kind === 'restore' ? record.state === 'retracted' : record.state === 'current';
          const callInput =
            s.kind === 'correct' ? { id, ...input(s.content) } : s.kind === 'retract' ? { id, reason: '誤記' } : { id };
          const result = await core.call(`allergies.${s.kind}`, callInput);
          if (!allowed) {
            const detail = s.kind === 'restore' ? 'allergy_not_retracted' : 'allergy_not_current';
            expect(result).toEqual({ ok: false, error: { code: 'conflict', detail } });
            continue;
          }
          const twin =
            s.kind === 'correct'
              ? twinOf(record.guestId, s.content.allergen, id)
              : s.kind === 'restore' && twinOf(record.guestId, record);
          if (twin) {
            refusedAsTwin(result);
            continue;
          }
          expect(result.ok).toBe(true);
          const value = (result as { value: { id: string } }).value;
          if (s.kind === 'correct') {
            record.state = 'superseded';
            record.supersededBy = value.id;
            model.set(value.id, {
              id: value.id,
              guestId: record.guestId,
              ...modelContent(s.content),
              state: 'current',
              supersedes: id,
              supersededBy: null,
            });
            ids.push(value.id);
          } else if (s.kind === 'retract') record.state = 'retracted';
          else if (s.kind === 'restore') record.state = 'current';
          else record.confirmedAt = TODAY;
        }

        for (const guestId of guests) {
          const { allergies } = await call('allergies.forGuest', { guestId });
          const expected = [...model.values()].filter((r) => r.guestId === guestId);
          expect(allergies).toHaveLength(expected.length);
          const byId = new Map(allergies.map((a: ModelRecord) => [a.id, a]));
          for (const record of expected) {
            const shown = byId.get(record.id) as ModelRecord;
            expect(shown).toMatchObject({
              allergenId: record.allergenId,
              freeAllergen: record.freeAllergen,
              severity: record.severity,
              tracesOk: record.tracesOk,
              note: record.note,
              confirmedAt: record.confirmedAt,
              state: record.state,
              supersedes: record.supersedes,
              supersededBy: record.supersededBy,
            });
            if (record.state === 'superseded') {
              expect((byId.get(record.supersededBy as string) as ModelRecord).supersedes).toBe(record.id);
            }
          }
          const current = allergies.filter((a: ModelRecord) => a.state === 'current').map((a: ModelRecord) => a.id);
          const modelCurrent = expected.filter((r) => r.state === 'current').map((r) => r.id);
          expect([...current].sort()).toEqual([...modelCurrent].sort());
          // Current ones come first.
          expect(allergies.slice(0, current.length).every((a: ModelRecord) => a.state === 'current')).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });
});
