// Japanese words of roles and permissions (shared/contract/roles.ts): the role names, each permission as staff
// would name it, and the errors the core answers with when a person's roles do not allow a call, when a PIN is
// wrong or a person is locked out. Same keys in roles.en.ts. The staff screens' own words live beside these.

export const jaRoles = {
  role: {
    owner: 'オーナー',
    manager: '支配人',
    front: 'フロント',
    service: 'サービス（仲居・客室係）',
    kitchen: '調理場',
    banquet: '宴会営業',
  },
  // Read as the object of 「…は、あなたの役割ではできません」.
  permission: {
    guests: {
      read: 'お客様の検索・カードの表示',
      contact: '電話番号・メール・住所・誕生日の表示',
      edit: 'お客様の登録・変更',
      delete: 'お客様の削除・復元',
    },
    stays: { read: '宿泊の表示', edit: '宿泊の登録・変更' },
    allergies: { read: 'アレルギーの表示', record: 'アレルギーの記録' },
    requests: { read: '要望の表示', record: '要望の記録' },
    arrivals: { read: '本日の到着の表示' },
    kitchen: { read: '料理・献立の表示', plan: '献立の作成' },
    served: { record: '提供の記録' },
    catalogue: { edit: '料理・アレルゲンの管理' },
    banquets: { read: '宴会の表示', edit: '宴会の登録・変更' },
    reports: { read: 'レポートの表示' },
    registers: { print: '宿泊者名簿の出力' },
    privacy: { manage: '閲覧記録・開示・消去' },
    ranks: { manage: 'ランクの管理' },
    conflicts: { resolve: '競合・保留の確認' },
    staff: { manage: 'スタッフの管理' },
    settings: { change: '設定の変更' },
    export: '書き出し',
    import: '台帳の取り込み',
    duplicates: { merge: '重複の確認・統合' },
    backups: { manage: 'バックアップの管理・復元' },
    sync: { manage: 'PC同期の設定・PCの追加と削除' },
    system: { maintain: 'システムの保守' },
  },
};

export const jaRoleErrors = {
  forbidden_role:
    '「$t(roles.permission.{{permission}})」は、あなたの役割ではできません。オーナーか支配人に頼んでください。',
  pin_required: 'PINを入力してください',
  pin_wrong: 'PINが違います。あと{{attemptsLeft}}回間違えると、しばらく選べなくなります。',
  staff_locked_out:
    'PINを続けて間違えたため、このPCでは{{time}}まで選べません。急ぎの場合は支配人にPINを設定し直してもらってください。',
  pin_not_set: 'この人のPINがまだ設定されていません。オーナーか支配人に設定してもらってください。',
  pin_needed_first: 'PINを必須にする前に、ご自身のPINを設定してください。',
  last_owner: '最後のオーナーは外せません。先に別の人をオーナーにしてください。',
  owner_only: 'オーナーにすること、オーナーの役割・PIN・在籍を変えることは、オーナーだけができます。',
  roles_not_held: '自分が持っていない役割を、自分に付けることはできません。',
};

export const jaRoleFields = {
  pin_format: 'PINは4〜8桁の数字で入力してください',
  roles_required: '役割を1つ以上選んでください',
  idle_lock_too_long: '240分以内で入力してください（0にすると自動ではロックしません）',
};
