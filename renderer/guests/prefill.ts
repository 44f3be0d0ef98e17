import { isKanaReading } from '../../shared/text/kana.ts';
import { foldWidth } from '../../shared/text/width.ts';
import type { FormValues } from './form-model.ts';

const NAME_CHARACTERS = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆ヶ\s]+$/u;

/**
 * A search that found nobody often was the new guest's name: kanji go to the name, kana to the reading.
 * "山田 花子" → family 山田, given 花子; "やまだ はなこ" → the two readings. Anything else prefills nothing.
 */
export function prefillFromQuery(query: string): Partial<FormValues> {
  const text = foldWidth(query).trim();
  if (!text || !NAME_CHARACTERS.test(text)) return {};
  const [family = '', ...rest] = text.split(/\s+/);
  const given = rest.join(' ');
  if (isKanaReading(text)) return { familyReading: family, givenReading: given };
  return { familyName: family, givenName: given };
}
