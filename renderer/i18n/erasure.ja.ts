// Words of erasure on a guest's request (消去（本人の求め）, electron/core/erasure/). Same keys in erasure.en.ts.
// The errors the erasure calls answer with are jaErasureErrors.
export const jaErasure = {
  button: '消去（本人の求め）',
  title: 'お客様の情報を消去する（本人の求め）',
  loading: '消去の内容を確かめています…',
  erased: '消去するもの',
  erasedList:
    '氏名・読み・ローマ字・電話番号・メール・郵便番号・住所・生年月日・勤務先・メモ、要望・アレルギー・宿泊・フォローの自由記述、変更履歴に残る以前の値、名寄せの記録、検索。同期しているすべてのPCで消去されます。',
  kept: '残すもの',
  keptList:
    '宿泊の回数・日付・金額、提供した料理、アレルギーの品目と程度、要望の分類は、統計のために匿名のID（{{id}}）のまま残ります。',
  holdTitle: '法律で保存が必要なもの',
  holdBody:
    '{{date}}までの宿泊があるため、旅館業法の宿泊者名簿（氏名・住所・連絡先、海外にお住まいの方は国籍・旅券番号）は{{until}}まで名簿のためだけに保存し、その翌日に自動で消去します。ふだんの画面や検索には出ません。',
  noHold: '過去3年以内の宿泊がないため、すべての個人情報をいま消去します。',
  mergedCards_other: 'このお客様に統合された{{count}}件のカードも消去します。',
  backupsTitle: 'バックアップについて',
  backupsNone: 'バックアップフォルダに、消去前のバックアップはありません。',
  backups_other:
    '消去前に作った{{count}}件のバックアップには、このお客様の情報がまだ残ります。必要に応じてバックアップフォルダから削除してください：',
  irreversible: 'この操作は元に戻せません。',
  reason: '消去の理由（いつ・どなたから求められたか）',
  reasonPlaceholder: '例：12月3日 ご本人よりお電話で依頼',
  confirm: '消去する',
  done: 'お客様の情報を消去しました',
  erasedTitle: '消去済みのお客様',
  erasedId: '匿名ID：{{id}}',
  erasedAt: '{{when}}に本人の求めにより消去',
  erasedKept: '宿泊の回数と金額は統計のために残っています。',
  erasedHold: '宿泊者名簿の項目は{{until}}まで名簿のためだけに保存されています。',
  erasedReleased: '宿泊者名簿の保存期間も終わり、すべて消去されました。',
  erasedName: '（消去済み）',
};

export const jaErasureErrors = {
  guest_already_erased: 'このお客様はすでに消去されています',
  guest_erase_merged: 'このカードは別のお客様に統合されています。統合先のカードを消去してください。',
  guest_erased: 'このお客様は本人の求めにより消去されています。変更はできません。',
  guest_edited_since: '画面を開いた後にこのお客様の情報が変更されました。開き直してから消去してください。',
};
