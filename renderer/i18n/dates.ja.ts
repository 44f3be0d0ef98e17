// Japanese words about days: the era beside a birthday, the setting that shows it, and the warning before a
// planned day in the past is saved. Same keys in dates.en.ts.
export const jaDates = {
  withEra: '{{date}}（{{era}}）',
  birthdayWithEraAndAge: '{{date}}（{{era}}・{{age}}歳）',
  eraSetting: {
    label: '誕生日に和暦を併記する',
    help: '例: 1980年5月5日（昭和55年）。お客様カードと履歴に表示します。',
    savedNotice: '和暦の表示を保存しました',
  },
  past: {
    stay: '到着日（{{date}}）は今日より前です。過去の宿泊を記録する場合は、状況を「出発済」にしてください。',
    stayDeparture: '出発日（{{date}}）は今日より前ですが、状況が「滞在中」です。',
    banquet: '宴会日（{{date}}）は今日より前です。',
    confirmHint: 'このまま保存する場合は「過去の日付で保存」を押してください。',
    confirm: '過去の日付で保存',
  },
};
