// Which field each column of a ledger is, guessed from its header cell for the person to confirm or change.
// Ledgers are kept by hand over years: the same column is 氏名 in one file, お名前 in the next, 電話番号(自宅) or
// ＴＥＬ in a third, and a CSV from a booking system says Name, Phone, Check-in. Headers are folded (width, spaces,
// case, a bracketed note such as (自宅) or [必須], a leading ※ or a trailing number as in 住所1) and looked up in
// one table of the words ledgers use. A word nobody listed maps to nothing: a wrong guess would import a column into
// the wrong field, an unmapped one only asks the person to choose.

import { createHash } from 'node:crypto';
import {
  IMPORT_FIELDS,
  type ImportField,
  MAPPING_ISSUES,
  type MappingIssueCode,
  REPEATABLE_FIELDS,
  STAY_FIELDS,
} from '../../../shared/contract/import-codes.ts';
import { cleanText } from '../../../shared/text/clean.ts';
import { foldWidth } from '../../../shared/text/width.ts';

export type { ImportField, MappingIssueCode };
export { IMPORT_FIELDS, MAPPING_ISSUES };

/** One field (or null: not imported) per header column. */
export type ColumnMapping = Array<ImportField | null>;

/** A problem of a mapping, with the columns it is about (0-based), for the mapping screen to point at. */
export type MappingIssue = { code: MappingIssueCode; field?: ImportField; columns: number[] };

// The words, folded as fold() folds a header (no spaces, lower case, ASCII letters and digits). docs/import.md
// lists them; the tests read them to check every word is found however it is written.
export const HEADER_WORDS: Readonly<Record<ImportField, readonly string[]>> = {
  fullName: [
    '氏名',
    '姓名',
    'お名前',
    '名前',
    'おなまえ',
    '顧客名',
    'お客様名',
    'お客さま名',
    '宿泊者名',
    '宿泊者氏名',
    '代表者名',
    '代表者氏名',
    '代表者',
    '予約者名',
    '予約者氏名',
    '会員名',
    '利用者名',
    'name',
    'fullname',
    'guestname',
    'customername',
    'guest',
    'customer',
  ],
  familyName: ['姓', '氏', '苗字', '名字', 'せい', 'lastname', 'familyname', 'surname'],
  givenName: ['名', 'めい', 'firstname', 'givenname', 'forename'],
  fullReading: [
    'フリガナ',
    'ふりがな',
    'カナ',
    'かな',
    'よみ',
    '読み',
    'よみがな',
    '読みがな',
    '読み仮名',
    'ヨミ',
    'カナ氏名',
    '氏名カナ',
    '氏名フリガナ',
    '氏名ふりがな',
    '氏名よみ',
    '氏名読み',
    'お名前カナ',
    'お名前フリガナ',
    'お名前ふりがな',
    '名前カナ',
    '名前フリガナ',
    '顧客名カナ',
    '顧客名フリガナ',
    'kana',
    'furigana',
    'reading',
    'namekana',
    'namereading',
  ],
  familyReading: [
    'セイ',
    '姓カナ',
    '姓フリガナ',
    '姓ふりがな',
    '姓よみ',
    '姓読み',
    'カナ姓',
    'フリガナ姓',
    '氏カナ',
    'lastnamekana',
    'familynamekana',
    'lastnamereading',
    'familynamereading',
  ],
  givenReading: [
    'メイ',
    '名カナ',
    '名フリガナ',
    '名ふりがな',
    '名よみ',
    '名読み',
    'カナ名',
    'フリガナ名',
    'firstnamekana',
    'givennamekana',
    'firstnamereading',
    'givennamereading',
  ],
  phone: [
    '電話',
    '電話番号',
    'tel',
    'telno',
    'tel番号',
    '携帯',
    '携帯電話',
    '携帯番号',
    '携帯電話番号',
    '自宅電話',
    '自宅電話番号',
    '自宅tel',
    '連絡先',
    '連絡先電話番号',
    'ご連絡先',
    'phone',
    'phonenumber',
    'phoneno',
    'telephone',
    'mobile',
    'mobilephone',
    'cell',
    'cellphone',
  ],
  postcode: ['〒', '郵便番号', '郵便', '〒番号', 'zip', 'zipcode', 'postcode', 'postalcode'],
  address: [
    '住所',
    'ご住所',
    '所在地',
    '都道府県',
    '市区町村',
    '番地',
    '建物名',
    '建物',
    '住所番地',
    'address',
    'street',
    'city',
    'prefecture',
  ],
  birthday: ['生年月日', '誕生日', 'お誕生日', 'birthday', 'birthdate', 'dateofbirth', 'dob'],
  email: [
    'メール',
    'メールアドレス',
    'eメール',
    'eメールアドレス',
    'pcメール',
    '携帯メール',
    'mail',
    'email',
    'emailaddress',
    'mailaddress',
  ],
  organization: [
    '会社名',
    '会社',
    '勤務先',
    '団体名',
    '法人名',
    '企業名',
    '所属',
    'company',
    'organization',
    'organisation',
  ],
  arrival: [
    '来館日',
    '宿泊日',
    'チェックイン',
    'チェックイン日',
    'チェックイン日時',
    '到着日時',
    '到着日',
    '利用日',
    'ご利用日',
    '来店日',
    '宿泊開始日',
    'in',
    'c/i',
    'checkin',
    'checkindate',
    'arrival',
    'arrivaldate',
    'visitdate',
  ],
  departure: [
    'チェックアウト',
    'チェックアウト日',
    'チェックアウト日時',
    '出発日',
    '退館日',
    '宿泊終了日',
    'out',
    'c/o',
    'checkout',
    'checkoutdate',
    'departure',
    'departuredate',
  ],
  nights: ['泊数', '宿泊数', '泊', '宿泊日数', 'nights', 'noofnights'],
  rooms: [
    '部屋',
    '部屋番号',
    '部屋名',
    '客室',
    '客室番号',
    '客室名',
    'ルーム',
    'room',
    'rooms',
    'roomno',
    'roomnumber',
  ],
  adults: ['大人', '大人人数', '大人数', 'adults', 'adult'],
  children: ['子供', '子ども', 'こども', '小人', '子供人数', '子ども人数', 'children', 'child', 'kids'],
  people: ['人数', '宿泊人数', '利用人数', '人員', '名数', 'people', 'persons', 'guests', 'pax', 'partysize'],
  amount: [
    '金額',
    '売上',
    '売上金額',
    '利用金額',
    'ご利用金額',
    '合計',
    '合計金額',
    '宿泊料金',
    '宿泊料',
    '料金',
    '請求金額',
    '税込金額',
    'amount',
    'total',
    'price',
    'sales',
    'revenue',
  ],
  note: ['備考', 'メモ', '特記事項', 'コメント', '備考欄', 'note', 'notes', 'memo', 'remarks', 'comment', 'comments'],
  allergies: [
    'アレルギー',
    '食物アレルギー',
    'アレルギー食材',
    '苦手',
    '苦手食材',
    '苦手なもの',
    'アレルギー・苦手',
    'アレルギー苦手',
    'allergy',
    'allergies',
    'foodallergies',
    'dietary',
  ],
  reservationNo: [
    '予約番号',
    '予約no',
    '予約id',
    '予約コード',
    '受付番号',
    'reservationno',
    'reservationnumber',
    'reservationid',
    'bookingno',
    'bookingnumber',
    'bookingid',
    'confirmationno',
  ],
};

/** Words a bracketed note may say that make a people column adults or children: 人数(大人), 人数（子供）. */
const PEOPLE_NOTES: Record<string, ImportField> = {
  大人: 'adults',
  子供: 'children',
  子ども: 'children',
  小人: 'children',
};

/** Words a bracketed note may say that make a name column its reading: 氏名(フリガナ), 姓（カナ）. */
const READING_NOTES = new Set(['フリガナ', 'ふりがな', 'カナ', 'かな', 'よみ', '読み', 'よみがな', 'kana', 'reading']);

const FIELD_OF = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) for (const word of HEADER_WORDS[field]) FIELD_OF.set(word, field);

const READING_OF: Partial<Record<ImportField, ImportField>> = {
  fullName: 'fullReading',
  familyName: 'familyReading',
  givenName: 'givenReading',
};

/** A header folded (exported for the sales import's date words): width, case, every space and the punctuation English headers vary in (E-mail, Check-in, Tel.). */
export function fold(text: string): string {
  return foldWidth(cleanText(text))
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_.#:：*＊※-]/g, '');
}

/** The part of a header before a bracketed note (電話(自宅), 住所［番地］, 氏名【必須】), and the note. */
function splitNote(folded: string): { base: string; note: string } {
  const match = /^(.+?)[([【〔「<](.*?)[)\]】〕」>]?$/.exec(folded);
  return match ? { base: match[1] as string, note: match[2] as string } : { base: folded, note: '' };
}

function lookUp(word: string): ImportField | null {
  return FIELD_OF.get(word) ?? FIELD_OF.get(word.replace(/\d+$/, '')) ?? null;
}

/** The field a header cell names, or null when it names none this table knows. */
export function guessField(header: string): ImportField | null {
  const folded = fold(header);
  if (folded === '') return null;
  const exact = lookUp(folded);
  if (exact) return exact;
  const { base, note } = splitNote(folded);
  const field = lookUp(base) ?? lookUp(base.replace(/^[ごお]/, ''));
  if (field && READING_NOTES.has(note)) return READING_OF[field] ?? field;
  if (field === 'people') return PEOPLE_NOTES[note] ?? field;
  return field;
}

/**
 * The guessed mapping of a header row: each column its field, the first column naming a field taking it; a later
 * column naming the same field is left unmapped (for the person to decide), except for the fields several columns
 * may feed (REPEATABLE_FIELDS).
 */
export function guessMapping(header: string[]): ColumnMapping {
  const taken = new Set<ImportField>();
  return header.map((cell) => {
    const field = guessField(cell);
    if (!field) return null;
    if (taken.has(field) && !REPEATABLE_FIELDS.has(field)) return null;
    taken.add(field);
    return field;
  });
}

/** Whether a row reads as a header: two or more of its cells name a field. A data row rarely does. */
export function looksLikeHeader(cells: string[]): boolean {
  return cells.filter((cell) => guessField(cell) !== null).length >= 2;
}

function columnsOf(mapping: ColumnMapping, ...fields: ImportField[]): number[] {
  return mapping.flatMap((field, column) => (field && fields.includes(field) ? [column] : []));
}

/** What keeps a mapping from being imported as it is; empty when it can be. */
export function mappingIssues(mapping: ColumnMapping): MappingIssue[] {
  const issues: MappingIssue[] = [];
  const has = (field: ImportField) => mapping.includes(field);
  if (!has('fullName') && !has('familyName')) {
    issues.push({
      code: has('givenName') ? 'given_without_family' : 'needs_name',
      columns: columnsOf(mapping, 'givenName'),
    });
  }
  if (has('fullName') && (has('familyName') || has('givenName'))) {
    issues.push({ code: 'name_twice', columns: columnsOf(mapping, 'fullName', 'familyName', 'givenName') });
  }
  if (has('fullReading') && (has('familyReading') || has('givenReading'))) {
    issues.push({ code: 'reading_twice', columns: columnsOf(mapping, 'fullReading', 'familyReading', 'givenReading') });
  }
  for (const field of IMPORT_FIELDS) {
    const columns = columnsOf(mapping, field);
    if (columns.length > 1 && !REPEATABLE_FIELDS.has(field)) issues.push({ code: 'field_twice', field, columns });
  }
  const stayColumns = mapping.flatMap((field, column) => (field && STAY_FIELDS.has(field) ? [column] : []));
  if (!has('arrival') && stayColumns.length > 0) issues.push({ code: 'stay_without_arrival', columns: stayColumns });
  return issues;
}

/**
 * A key to remember a mapping by, per source: the same header (folded as guessField reads it, so ＴＥＬ and TEL, a
 * trailing space or a BOM do not count as another source) gives the same key. Only the header's shape is kept, so
 * the key carries no guest's data.
 */
export function sourceKey(header: string[]): string {
  const cells = header.map((cell) => fold(cell.replace(/^\ufeff/, '')));
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return createHash('sha256').update(JSON.stringify(cells)).digest('hex');
}
