import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockingKeys, type GuestFacts, profileOf } from '../../electron/core/duplicates/profile.ts';
import { MAX_BLOCK } from '../../electron/core/duplicates/scan.ts';
import { compareProfiles, THRESHOLD } from '../../electron/core/duplicates/score.ts';
import { dupesCore } from './helpers.ts';

// The scan over random registers, through the core's calls, against every pair compared one by one. What it
// promises: a pair that shares a small block (MAX_BLOCK guests or fewer) and scores THRESHOLD is proposed; a pair
// proposed shares some block and scores THRESHOLD; no pair is proposed twice. Registers where one name is
// everyone's make the blocks past MAX_BLOCK, compared in sorted windows.

const FAMILIES = [
  ['田中', 'たなか'],
  ['髙橋', 'たかはし'],
  ['高橋', 'ﾀｶﾊｼ'],
  ['佐藤', 'サトウ'],
] as const;
const GIVEN = [
  ['太郎', 'たろう'],
  ['花子', 'はなこ'],
  ['', ''],
] as const;
const PHONES = ['090-1111-2222', '+81 90 1111 2222', '03-1234-5678', '06-9876-5432'];

const person = fc.record({
  family: fc.nat(FAMILIES.length - 1),
  given: fc.nat(GIVEN.length - 1),
  phone: fc.option(fc.constantFrom(...PHONES), { nil: undefined }),
  birthday: fc.constantFrom('', '1970-01-02', '1980-05-05'),
  postalCode: fc.constantFrom('', '100-0001', '〒１００−０００１', '530-0001'),
  address: fc.constantFrom('', '千代田区1-2-3', '千代田区１－２－３', '北区4-5'),
});

const register = fc.oneof(
  fc.array(person, { minLength: 2, maxLength: 30 }),
  // One name for everyone: its blocks grow past MAX_BLOCK.
  fc
    .array(person, { minLength: MAX_BLOCK + 2, maxLength: MAX_BLOCK + 20 })
    .map((people) => people.map((p) => ({ ...p, family: 0, given: 0 }))),
);

describe('the duplicate scan against every pair compared', () => {
  it('proposes each pair sharing a small block once, and nothing that shares no block', async () => {
    await fc.assert(
      fc.asyncProperty(register, async (people) => {
        const t = await dupesCore();
        for (const p of people) {
          const [familyName, familyReading] = FAMILIES[p.family] as readonly [string, string];
          const [givenName, givenReading] = GIVEN[p.given] as readonly [string, string];
          await t.guest({
            familyName,
            givenName,
            familyReading,
            givenReading,
            birthday: p.birthday,
            postalCode: p.postalCode,
            address: p.address,
            phones: p.phone ? [{ number: p.phone, label: 'mobile' }] : [],
          });
        }
        const guests = t.db
          .prepare(
            `SELECT id, family_name, given_name, family_reading, given_reading, phones, email, postal_code, address,
                    birthday FROM guests WHERE deleted_at IS NULL`,
          )
          .all() as GuestFacts[];
        const profiles = guests.map((guest) => profileOf(guest));
        const keys = profiles.map((profile) => blockingKeys(profile));
        const blockSize = new Map<string, number>();
        for (const list of keys) for (const key of new Set(list)) blockSize.set(key, (blockSize.get(key) ?? 0) + 1);
        const mustFind = new Set<string>();
        const mayFind = new Set<string>();
        for (let i = 0; i < profiles.length; i++) {
          for (let j = i + 1; j < profiles.length; j++) {
            const shared = (keys[i] as string[]).filter((key) => (keys[j] as string[]).includes(key));
            if (shared.length === 0) continue;
            if (compareProfiles(profiles[i] as never, profiles[j] as never).score < THRESHOLD) continue;
            const pair = [guests[i]?.id, guests[j]?.id].sort().join('|');
            mayFind.add(pair);
            if (shared.some((key) => (blockSize.get(key) as number) <= MAX_BLOCK)) mustFind.add(pair);
          }
        }

        const result = await t.scan();
        const found = (
          t.db.prepare('SELECT guest_a, guest_b FROM duplicate_candidates').all() as Array<{
            guest_a: string;
            guest_b: string;
          }>
        ).map((row) => `${row.guest_a}|${row.guest_b}`);
        expect(result).toEqual({ guests: people.length, candidates: found.length });
        expect(new Set(found).size).toBe(found.length);
        for (const pair of mustFind) expect(found).toContain(pair);
        for (const pair of found) expect(mayFind.has(pair)).toBe(true);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
