// Japan Post's own file, read without the package: KEN_ALL.CSV (Shift_JIS) or utf_ken_all.csv (UTF-8), as
// downloaded from https://www.post.japanpost.jp/zipcode/download.html and unzipped. Its columns (15, no header):
// 0 local government code, 1 old postcode, 2 postcode, 3-5 kana of prefecture, city, town, 6 prefecture,
// 7 city, 8 town, then flags. Its quirks, read here as a desk writes an address:
// - a long town name is split over several lines of the same postcode, inside an open parenthesis
//   (「大通西（１～１９丁目）」 as 「大通西（１～」 then 「１９丁目）」): the lines are joined first;
// - parenthesised notes (（１丁目）, （次のビルを除く）, （地階・階層不明）, （その他）) are dropped;
// - 「以下に掲載がない場合」 (the city's catch-all postcode), 「…の次に番地がくる場合」 and 「利島村一円」 (the whole
//   village) name no town;
// - a list outside parentheses (「甲、乙」) is one town each (build.ts deskTowns).

import type { PostcodeRow } from './build.ts';

/** The file's text: UTF-8 when it is valid UTF-8 (utf_ken_all.csv), else Shift_JIS (KEN_ALL.CSV). */
export function decodeKenAll(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
  } catch {
    return new TextDecoder('shift_jis').decode(bytes);
  }
}

/** One CSV line's fields (KEN_ALL quotes text fields and has no commas or quotes inside them). */
function fields(line: string): string[] {
  return line.split(',').map((field) => field.trim().replace(/^"(.*)"$/, '$1'));
}

/** A town name without Japan Post's notes: '' where it names no town. */
export function townOf(town: string, city: string): string {
  const bare = town.replace(/（[^）]*）/g, '').trim();
  if (bare === '以下に掲載がない場合' || /の次に.*がくる場合$/.test(bare)) return '';
  // 「利島村一円」: the whole of the village. (「一円」 alone is a real town, in 多賀町.)
  if (bare.endsWith('一円') && bare !== '一円' && city.endsWith(bare.slice(0, -2))) return '';
  return bare;
}

/** Every line of the file as (postcode, prefecture, city, town), long names joined, notes read. */
export function kenAllRows(text: string): PostcodeRow[] {
  const rows: PostcodeRow[] = [];
  let open: { postcode: string; prefecture: string; city: string; town: string } | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const row = fields(line);
    const [postcode = '', prefecture = '', city = '', town = ''] = [row[2], row[6], row[7], row[8]];
    if (open && open.postcode === postcode) {
      open.town += town;
    } else {
      if (open) rows.push({ ...open, town: townOf(open.town, open.city) });
      open = { postcode, prefecture, city, town };
    }
    // A parenthesis still open: the name goes on in the next line.
    const unclosed = (open.town.match(/（/g)?.length ?? 0) > (open.town.match(/）/g)?.length ?? 0);
    if (!unclosed) {
      rows.push({ ...open, town: townOf(open.town, open.city) });
      open = null;
    }
  }
  if (open) rows.push({ ...open, town: townOf(open.town, open.city) });
  return rows;
}
