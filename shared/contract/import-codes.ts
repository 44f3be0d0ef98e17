// The fixed codes of a ledger import: the fields a sheet's column can be imported as, the cleansing rules that
// change a cell on its way in, why a row is set aside, and what is wrong with a column mapping. Stored and sent as
// codes, shown translated (renderer/i18n/imports.*.ts); the core's mapping and cleansing live in
// electron/core/imports/.

/** What a column of a ledger can be imported as. A name is either one cell (fullName) or two (familyName, givenName). */
export const IMPORT_FIELDS = [
  'fullName',
  'familyName',
  'givenName',
  'fullReading',
  'familyReading',
  'givenReading',
  'phone',
  'postcode',
  'address',
  'birthday',
  'email',
  'organization',
  'arrival',
  'departure',
  'nights',
  'rooms',
  'adults',
  'children',
  'people',
  'amount',
  'note',
  'allergies',
  'reservationNo',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Fields several columns may be mapped to: each phone column adds numbers, address and note columns are joined. */
export const REPEATABLE_FIELDS: ReadonlySet<ImportField> = new Set(['phone', 'address', 'note']);

/** Fields that only make sense on a visit row (a stay), read when the row has an arrival date. */
export const STAY_FIELDS: ReadonlySet<ImportField> = new Set([
  'departure',
  'nights',
  'rooms',
  'adults',
  'children',
  'people',
  'amount',
  'reservationNo',
]);

/** Each rule that can change a cell; every change a row undergoes is listed with the rule that made it. */
export const CLEANSE_RULES = [
  'control_characters', // characters that print nothing (a NUL, a right-to-left override) removed
  'width', // ｶﾀｶﾅ to カタカナ, ＡＢＣ１２３ to ABC123, the ideographic space to a plain one
  'spaces', // leading and trailing spaces trimmed, runs of spaces made one
  'formula_result', // the cell held a formula: its last computed value is taken
  'name_split', // one name cell split into family and given name
  'reading_split', // one reading cell split the same way
  'name_join', // family and given name put back together: their reading could not be split the same way
  'reading_katakana', // a katakana reading written in hiragana
  'reading_romaji', // a romaji reading (of a Japanese name) written in hiragana
  'reading_from_name', // a name written in kana (or Latin letters) is its own reading
  'phone', // dashes, parentheses and spaces made plain hyphens, +81 made 0
  'phone_zero', // the leading 0 Excel dropped from a number cell put back
  'phone_split', // several numbers in one cell kept as several
  'phone_duplicate', // a number already given in another phone column dropped
  'postcode', // 〒, dashes and spaces made NNN-NNNN
  'postcode_zero', // the leading 0 Excel dropped from a number cell put back
  'date_era', // 昭和55年5月5日, S55.5.5 as YYYY-MM-DD
  'date_serial', // an Excel serial day number as YYYY-MM-DD
  'date_format', // 2024/4/1, 2024年4月1日, 20240401 as YYYY-MM-DD
  'departure_from_nights', // no departure column: arrival plus the nights (one when none is given)
  'rooms_split', // several rooms in one cell kept as several
  'amount', // ¥, commas and 円 removed, a dash read as 0
  'number', // 2名, ２泊 read as a number
  'email', // the domain of an email address in lower case
  'allergies_split', // a free-text allergy cell split into its items
  'allergies_none', // なし, 特になし, - read as no allergy
] as const;
export type CleanseRule = (typeof CLEANSE_RULES)[number];

/** Why a row is set aside (kept out of the import, listed with its line to fix and import again). */
export const SET_ASIDE_REASONS = [
  'empty', // every mapped cell is empty: a blank line, skipped rather than reported
  'no_name', // other cells filled, but no name
  'reading_unknown', // a name with kanji and no reading to go with it (a reading is never guessed from kanji)
  'bad_reading', // the reading has characters a reading cannot have
  'bad_date', // not a date, or a two-digit year (20/4/1 could be 2020 or 1920)
  'date_outside_era', // a real day written in an era it is not inside (平成31年5月1日)
  'date_out_of_range', // before 1900-01-01 or after 2100-12-31
  'birthday_in_future', // a birthday after the inn's today
  'bad_phone',
  'too_many_phones', // more numbers than a guest card holds
  'bad_postcode',
  'bad_amount', // negative, not whole yen, or not a number
  'bad_number', // nights, rooms or people that are not a plausible whole number
  'bad_email',
  'departure_before_arrival',
  'nights_mismatch', // both a departure and nights, and they disagree
  'stay_too_long', // a departure more than MAX_STAY_NIGHTS after the arrival (a typo: 2100 for 2026)
  'stay_without_arrival', // stay cells (room, amount…) filled but no arrival date to make a stay of
  'too_many_rooms',
  'too_long', // longer than the register takes (never cut short)
  'formula_without_value', // a formula cell the file holds no computed value for
  'invalid_field', // cleansed, but still not what the guest form accepts (the field is named): never written half right
  'room_taken', // a future stay in a room another party already holds on those nights
  'no_date', // a sales row without a date to find its stay by
  'no_amount', // a sales row without an amount (an empty cell is not ¥0 there: it would wipe what the stay holds)
] as const;
export type SetAsideReason = (typeof SET_ASIDE_REASONS)[number];

/** What keeps a column mapping from being used as it is. */
export const MAPPING_ISSUES = [
  'needs_name', // no column is a name
  'name_twice', // a whole-name column beside family/given name columns
  'given_without_family', // a given name column and no family name column
  'reading_twice', // a whole-reading column beside family/given reading columns
  'field_twice', // a field that takes one column mapped to several
  'stay_without_arrival', // stay columns (room, nights, amount…) without an arrival column to make stays of
  'sales_needs_date', // a sales file: no date column (arrival, checkout or bill date) to find the stay by
  'sales_needs_amount', // a sales file: no amount column
] as const;

/** What an import brought: a ledger (guests, stays, allergies) or sales (the amounts of stays already recorded). */
export const IMPORT_KINDS = ['ledger', 'sales'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export type MappingIssueCode = (typeof MAPPING_ISSUES)[number];
