import type { Severity } from '../../../shared/contract/allergies.ts';
import { ALLERGEN_WORDS } from '../../../shared/kitchen/allergen-words.ts';
import { kanaKey } from '../../../shared/text/kana.ts';
import { foldWidth } from '../../../shared/text/width.ts';
import type { CoreContext } from '../context.ts';

// A ledger's allergy column is free text: 「えび・かに」「卵（アナフィラキシー）」「海老、そば」. Each item becomes an
// allergy record marked 要確認 (never confirmed with the guest: confirmed_at ''), on a catalogue allergen when
// the item names one as ledgers write it (海老, エビ, 玉子…: shared/kitchen/allergen-words.ts), else as a free allergen with the text as written.
// The severity is what the text says (アナフィラキシー, 苦手), else 'allergy': staff confirm it with the guest.

export type AllergyItem = {
  allergenId: string | null;
  freeAllergen: string;
  severity: Severity;
  /** The text as the ledger wrote it, kept in the record's note. */
  source: string;
};

const keyOf = (text: string) => kanaKey(foldWidth(text)).toLowerCase();

const FREE_ALLERGEN_MAX = 40;

export type AllergenBook = { resolve(item: string): AllergyItem | null };

export function allergenBook(ctx: CoreContext): AllergenBook {
  const rows = ctx.db
    .prepare('SELECT id, code, name_ja, name_en FROM allergens WHERE deleted_at IS NULL')
    .all() as Array<{ id: string; code: string; name_ja: string; name_en: string }>;
  const byKey = new Map<string, string>();
  for (const row of rows) {
    byKey.set(keyOf(row.name_ja), row.id);
    if (row.name_en) byKey.set(row.name_en.toLowerCase(), row.id);
    for (const written of ALLERGEN_WORDS[row.code]?.writtenAs ?? []) byKey.set(keyOf(written), row.id);
  }
  return {
    resolve(item) {
      const severity: Severity = /アナフィラキシー|ｱﾅﾌｨﾗｷｼｰ|anaphyla/i.test(item)
        ? 'anaphylaxis'
        : /苦手|嫌い|きらい|dislike/i.test(item)
          ? 'dislike'
          : 'allergy';
      // The allergen without what the text says about it: 「えび（アナフィラキシー）」 is えび.
      const name = foldWidth(item)
        .replace(/[(（［[【].*?[)）］\]】]/g, '')
        .replace(/アナフィラキシー|アレルギー|苦手|嫌い|注意|不可|NG/gi, '')
        .trim();
      if (name === '') return null;
      const allergenId = byKey.get(keyOf(name)) ?? byKey.get(name.toLowerCase()) ?? null;
      return {
        allergenId,
        freeAllergen: allergenId ? '' : name.slice(0, FREE_ALLERGEN_MAX),
        severity,
        source: item,
      };
    },
  };
}
