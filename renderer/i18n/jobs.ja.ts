// Japanese words of long jobs: the progress bar shown app-wide while one runs, and the maintenance section of
// the settings screen that starts the search-index rebuild. Same keys in jobs.en.ts.
export const jaJobs = {
  kind: {
    'demo.load': 'サンプルデータを読み込み中',
    'search.rebuild': '検索インデックスを再構築中',
    'import.read': '台帳を読み込み中',
    'import.write': '台帳を取り込み中',
    'import.undo': '取り込みを元に戻しています',
    'export.run': '書き出し中',
    'backup.run': 'バックアップを作成中',
    'duplicates.scan': '重複の候補を探しています',
    'ranks.recompute': '顧客ランクを計算し直しています',
    'retention.review': '保存期間を過ぎたお客様を探しています',
    'manager.days': '運営の振り返りのため日別の到着を集計しています',
  },
  progress: '{{done}} / {{total}}',
  percent: '{{percent}}%',
  cancel: '中止',
  cancelling: '中止しています…',
  cancelled: '中止しました',
  failed: '途中で失敗しました',
  regionLabel: '実行中の処理',
  maintenance: {
    title: 'メンテナンス',
    rebuildLabel: '検索インデックスの再構築',
    rebuildHelp:
      '検索で見つかるはずのお客様が見つからないときに実行します。実行中も検索はそのまま使え、いつでも中止できます。',
    rebuild: '再構築する',
    rebuilt_other: '検索インデックスを再構築しました（{{count}}名）',
  },
};
