// Japanese words of the export dialog (書き出し). Same keys in exports.en.ts. The file's own headers and sheet
// names are in shared/i18n/export-labels.ts (the core writes them).
export const jaExports = {
  menu: '書き出し（Excel・CSV）',
  title: 'お客様の記録を書き出す',
  help: '他のシステムへの受け渡しや、宿の控えに使えます。CSVはExcelでそのまま開けます（UTF-8・BOM付き）。',
  format: '形式',
  formats: { xlsx: 'Excel（.xlsx）', csv: 'CSV' },
  kinds: '書き出す内容',
  kindsCsvHelp: 'CSVは1ファイルに1種類です',
  kind: { guests: 'お客様', stays: '宿泊', allergies: 'アレルギー', requests: '要望' },
  filter: '対象',
  filters: { all: 'すべてのお客様', search: '検索で見つかるお客様（すべて）', dates: '到着日の期間' },
  query: '検索する言葉',
  from: '開始日',
  to: '終了日',
  datesHelp: '期間内に到着する宿泊と、その宿泊のお客様（同行者を含む）',
  start: '書き出す',
  running: '書き出し中…',
  cancel: '中止',
  done_other: '{{count}}行を書き出しました',
  downloadAgain: 'もう一度保存',
  chooseKind: '書き出す内容を選んでください',
};
