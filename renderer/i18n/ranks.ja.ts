// Japanese words of 顧客ランク: the badge on the card, in search results and on the arrivals, the manager's rank
// rules in the settings with their preview, and the core's refusals. Same keys in ranks.en.ts.
export const jaRanks = {
  badgeLabel: '顧客ランク：{{name}}',
  manualMark: '（手動）',
  rules: {
    title: '顧客ランク',
    help: '上から順に判定し、最初に条件を満たしたランクになります。手動ランク（VIPなど）はお客様のカードで付け、計算のランクより優先されます。来館は在館中・チェックアウト済みの宿泊、利用額は宿泊の金額です。',
    name: 'ランク名',
    manual: '手動で付ける',
    minVisits: '来館回数（以上）',
    minSpendYen: '利用額（円以上）',
    years: '期間（過去◯年）',
    yearsSuffix: '年',
    combine: '回数と金額',
    combineAnd: '両方を満たす',
    combineOr: 'どちらかを満たす',
    add: '+ ランクを追加',
    remove: '削除',
    up: '上へ',
    down: '下へ',
    save: 'ランクの設定を保存',
    saved: 'ランクの設定を保存しました。全員のランクを計算し直しています。',
    preview: '該当人数を見る',
    previewCount_other: '{{count}}名',
    previewOf_other: '登録 {{count}}名のうち',
    none: 'ランクはまだありません。「+ ランクを追加」から作ります。',
    manualRank: '手動',
  },
  card: {
    setManual: '手動ランク',
    noManual: '手動ランクなし',
    manualSaved: '手動ランクを保存しました',
  },
};

export const jaRankErrors = {
  rank_not_manual: 'このランクは手動で付けるランクではありません。ランクの設定で「手動で付ける」にしてください。',
};

export const jaRankFields = {
  rank_name_taken: '同じ名前のランクがあります',
  rank_condition_required: '来館回数か利用額のどちらかを入力してください',
  rank_years_invalid: '期間は1〜10年で入力してください',
};
