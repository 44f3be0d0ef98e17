import type { CallError } from '../../shared/contract/result.ts';
import { importErrorWords, importFieldWords, setAsideReasonWords } from '../../shared/i18n/import-labels.ts';

// What `npm run import` says on the terminal, in the system's language (no i18next runs here). The reasons
// and errors come from the same table the screens use (shared/i18n/import-labels.ts).

type Counts = Record<string, number>;
type Preview = {
  mappingIssues: string[];
  counts: Counts;
  setAside: Array<{ line: number; reason: string; value: string | null }>;
  header: string[];
  mapping: (string | null)[];
};

const SHOWN_ASIDE = 20;

const count = (n: number | undefined, one: string, other = `${one}s`) => `${n ?? 0} ${n === 1 ? one : other}`;

function mappingLines(preview: Preview, language: 'ja' | 'en'): string[] {
  return preview.header.map((cell, index) => {
    const field = preview.mapping[index];
    return `  ${cell || `(${index + 1})`} → ${importFieldWords(field ?? 'none', language)}${field ? ` [${field}]` : ''}`;
  });
}

export const importWords = {
  ja: {
    usage: [
      '使い方: npm run import -- ファイル [--dry-run] [--json] [--staff 名前 [--pin PIN]] [--data DBファイル] [--map "見出し=項目,…"]',
      '  台帳（.xlsx / .csv / .txt、UTF-8 または Shift_JIS）を取り込みます。',
      '  --dry-run  何も記録せず、取り込まれる内容と件数だけを表示します',
      '  --json     結果を JSON で出力します（ほかのシステムから使うとき）',
      '  --staff    取り込みを記録するスタッフの名前（省略時はこのPCで選ばれている人）',
      '  --pin      そのスタッフのPIN（PINを必須にしている場合）',
      '  --map      列の割り当てを変えます（例: "携帯=phone,備考="。空にするとその列は取り込みません）',
    ].join('\n'),
    noFile: (path: string) => `ファイルが見つかりません: ${path}`,
    tooLarge: (mb: number) =>
      `ファイルが大きすぎます（${mb} MBまで）。台帳を年ごとなどに分けてから取り込んでください。`,
    failed: (error: CallError) =>
      `取り込めませんでした: ${importErrorWords(error.detail ?? error.code, 'ja', error.params)}`,
    badMap: (pair: string, fields: string) =>
      `--map の指定「${pair}」が読めません。見出しと項目名（${fields}）を = でつないでください。`,
    noSuchStaff: (name: string, names: string[]) =>
      `スタッフ「${name}」が見つかりません。登録されているスタッフ: ${names.join('、') || '（なし）'}`,
    needStaff: (names: string[]) =>
      `取り込みを記録するスタッフを --staff で指定してください。登録されているスタッフ: ${names.join('、') || '（なし。--staff の名前で登録します）'}`,
    firstStaff: (name: string) => `スタッフがまだいないため、「${name}」を登録して、その名前で記録します。`,
    step: (step: string) =>
      ({ read: '読み込み', cleanse: '整形', match: '照合', 'import.write': '記録', 'import.read': '読み込み' })[step] ??
      step,
    preview: (preview: Preview) =>
      [
        '列の割り当て:',
        ...mappingLines(preview, 'ja'),
        ...preview.mappingIssues.map((issue) => `※ ${importErrorWords(issue, 'ja')}`),
        `行: ${preview.counts.rows}　新しいお客様: ${preview.counts.newGuests}人　登録済みと一致: ${preview.counts.matchedGuests}人　同じ人の別の行: ${preview.counts.repeatRows}`,
        `宿泊: ${preview.counts.stays}件　アレルギー（要確認）: ${preview.counts.allergies}件　整形した項目: ${preview.counts.changes}　取り込まない行: ${preview.counts.setAside}`,
        ...preview.setAside
          .slice(0, SHOWN_ASIDE)
          .map(
            (row) =>
              `  ${row.line}行目: ${setAsideReasonWords(row.reason, 'ja')}${row.value ? `（${row.value}）` : ''}`,
          ),
      ].join('\n'),
    written: (counts: Counts, id: string) =>
      `取り込みました（${id}）: 新しいお客様 ${counts.newGuests}人、宿泊 ${counts.stays}件、アレルギー ${counts.allergies}件（要確認）。取り込まなかった行: ${counts.setAside}。アプリの「台帳の取り込み」から元に戻せます。`,
  },
  en: {
    usage: [
      'Usage: npm run import -- FILE [--dry-run] [--json] [--staff NAME [--pin PIN]] [--data DB-FILE] [--map "Header=field,…"]',
      '  Imports a ledger (.xlsx / .csv / .txt, UTF-8 or Shift_JIS).',
      '  --dry-run  records nothing; shows what would be recorded, with the counts',
      '  --json     prints the answer as JSON (for other systems)',
      '  --staff    the staff member the import is recorded under (default: the one chosen on this PC)',
      '  --pin      that staff member’s PIN (when the inn requires PINs)',
      '  --map      changes a column’s field (e.g. "Mobile=phone,Memo="; empty: the column is not imported)',
    ].join('\n'),
    noFile: (path: string) => `No such file: ${path}`,
    tooLarge: (mb: number) => `The file is too large (up to ${mb} MB). Split the ledger, by year for example.`,
    failed: (error: CallError) =>
      `Could not import: ${importErrorWords(error.detail ?? error.code, 'en', error.params)}`,
    badMap: (pair: string, fields: string) =>
      `Cannot read --map "${pair}": join a header and a field (${fields}) with =.`,
    noSuchStaff: (name: string, names: string[]) => `No staff member "${name}". Staff: ${names.join(', ') || '(none)'}`,
    needStaff: (names: string[]) =>
      `Name the staff member the import is recorded under with --staff. Staff: ${names.join(', ') || '(none yet: --staff registers the name you give)'}`,
    firstStaff: (name: string) => `No staff yet: registering "${name}" and recording the import under that name.`,
    step: (step: string) =>
      ({
        read: 'Reading',
        cleanse: 'Cleansing',
        match: 'Matching',
        'import.write': 'Writing',
        'import.read': 'Reading',
      })[step] ?? step,
    preview: (preview: Preview) =>
      [
        'Columns:',
        ...mappingLines(preview, 'en'),
        ...preview.mappingIssues.map((issue) => `* ${importErrorWords(issue, 'en')}`),
        `Rows: ${preview.counts.rows}  new guests: ${preview.counts.newGuests}  matched: ${preview.counts.matchedGuests}  repeat rows: ${preview.counts.repeatRows}`,
        `Stays: ${preview.counts.stays}  allergies (to confirm): ${preview.counts.allergies}  cells cleansed: ${preview.counts.changes}  rows set aside: ${preview.counts.setAside}`,
        ...preview.setAside
          .slice(0, SHOWN_ASIDE)
          .map(
            (row) => `  row ${row.line}: ${setAsideReasonWords(row.reason, 'en')}${row.value ? ` (${row.value})` : ''}`,
          ),
      ].join('\n'),
    written: (counts: Counts, id: string) =>
      `Imported (${id}): ${count(counts.newGuests, 'new guest')}, ${count(counts.stays, 'stay')}, ${count(counts.allergies, 'allergy', 'allergies')} to confirm. Rows set aside: ${counts.setAside}. It can be undone under “Import a ledger” in the app.`,
  },
} as const;
