// errors.detail.* for the details the kitchen handlers throw (new CallFailure(code, detail)).
// stay_not_found, allergen_not_found and allergen_withdrawn are shared with the service handlers (service-errors).
export const jaKitchenErrors = {
  dish_not_found: 'この料理は見つかりません',
  dish_deleted: '取り下げた料理が含まれています。元に戻すか、別の料理を選んでください。',
  dish_already_deleted: 'この料理はすでに取り下げられています',
  dish_not_deleted: 'この料理は取り下げられていません',
  course_not_found: 'このコースは見つかりません',
  course_deleted: 'このコースは取り下げられています',
  course_already_deleted: 'このコースはすでに取り下げられています',
  served_not_found: 'この提供記録は見つかりません',
  served_retracted: 'この提供記録は取り消されています',
  served_already_retracted: 'この提供記録はすでに取り消されています',
  stay_cancelled: 'この宿泊はキャンセルされています',
  menu_not_found: 'この献立は見つかりません',
  menu_not_planned: 'この献立は提供済みか取り消し済みのため、変更できません',
  menu_already_planned: 'この日のこの食事には、すでに献立があります。その献立を変更してください。',
};
