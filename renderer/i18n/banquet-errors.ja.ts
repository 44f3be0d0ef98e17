// errors.detail.* for the details the banquet handlers throw (new CallFailure(code, detail, issues, params)).
// {{…}} are the error's params: hall_clash names the deal already holding the hall.
export const jaBanquetErrors = {
  hall_not_found: 'この会場は見つかりません',
  hall_deleted: '取り下げた会場が含まれています。元に戻すか、別の会場を選んでください。',
  hall_already_deleted: 'この会場はすでに取り下げられています',
  hall_not_deleted: 'この会場は取り下げられていません',
  halls_not_combinable: 'この組み合わせの会場はつなげて使えません',
  hall_not_offered_in_layout: 'この会場はこのレイアウトでは使えません',
  over_capacity: '人数が会場の定員（{{capacity}}名）を超えています',
  hall_clash:
    '{{hall}}は{{date}} {{startTime}}〜{{endTime}}に「{{group}}」（{{organiser}} 様・$t(banquet.codes.stage.{{stage}})）が押さえています',
  hall_clash_organiser:
    '{{hall}}は{{date}} {{startTime}}〜{{endTime}}に{{organiser}} 様（$t(banquet.codes.stage.{{stage}})）が押さえています',
  hall_required: '仮押さえ・確定には会場を選んでください',
  banquet_not_found: 'この宴会は見つかりません',
  stage_not_allowed: 'この段階からは、その段階に進めません',
  banquet_closed: '失注・キャンセル・実施済みの宴会は変更できません',
  not_yet_held: '実施済みにできるのは宴会の当日以降です',
  hold_expiry_past: '仮押さえの期限は今日以降の日付にしてください',
  hold_after_banquet: '仮押さえの期限は宴会の日までにしてください',
  date_of_death_required: '法要を実施済みにするには、ご命日を入力してください（次の年忌のご連絡に使います）',
  follow_up_not_found: 'このフォローは見つかりません',
};
