// errors.detail.* for the details the service handlers throw (new CallFailure(code, detail)).
export const jaServiceErrors = {
  stay_not_found: 'この宿泊は見つかりません',
  party_includes_lead: '代表者を同行者に含めることはできません',
  stay_not_of_guest: 'この宿泊はこのお客様のものではありません',
  allergen_not_found: 'このアレルゲンは一覧にありません',
  allergen_withdrawn: 'このアレルゲンは一覧から外されています。元に戻すか、別のものを選んでください。',
  allergen_already_withdrawn: 'このアレルゲンはすでに一覧から外されています',
  allergen_not_withdrawn: 'このアレルゲンは一覧から外されていません',
  allergy_not_found: 'このアレルギーの記録は見つかりません',
  allergy_already_recorded: 'このアレルゲンはすでに記録されています。変更する場合は既存の記録を訂正してください',
  allergy_not_current: 'このアレルギーの記録はすでに訂正または取り消しされています。最新の記録を開き直してください。',
  allergy_not_retracted: 'このアレルギーの記録は取り消されていません',
  request_not_found: 'このご要望は見つかりません',
  room_taken:
    'お部屋「{{room}}」には{{arrival}}〜{{departure}}に{{guest}} 様のご予約があります。同じお部屋にお泊めする場合は「相部屋として登録」を選んでください',
};
