// The names of a deal's type and stage, in both languages: one list for the banquet screens
// (renderer/i18n/banquet.*.ts, codes.type and codes.stage) and for what is printed elsewhere (the disclosure's
// deals), so the paper says what the screens say.

export const BANQUET_TYPE_LABELS = {
  ja: {
    bonenkai: '忘年会',
    shinnenkai: '新年会',
    farewell: '歓送迎会',
    memorial: '法要',
    wedding: '婚礼',
    meeting: '会議',
    social: '懇親会',
    other: 'その他',
  },
  en: {
    bonenkai: 'Year-end party',
    shinnenkai: 'New-year party',
    farewell: 'Welcome/farewell party',
    memorial: 'Memorial service',
    wedding: 'Wedding',
    meeting: 'Meeting',
    social: 'Social gathering',
    other: 'Other',
  },
} as const;

export const BANQUET_STAGE_LABELS = {
  ja: {
    inquiry: '問い合わせ',
    proposal: '提案中',
    provisional: '仮押さえ',
    confirmed: '確定',
    held: '実施済み',
    lost: '失注',
    cancelled: 'キャンセル',
  },
  en: {
    inquiry: 'Inquiry',
    proposal: 'Proposal sent',
    provisional: 'Provisional hold',
    confirmed: 'Confirmed',
    held: 'Held',
    lost: 'Lost',
    cancelled: 'Cancelled',
  },
} as const;
