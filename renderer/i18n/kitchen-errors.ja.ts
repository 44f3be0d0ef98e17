// errors.detail.* for the details the kitchen handlers throw (new CallFailure(code, detail)).
export const jaKitchenErrors = {
  placeholder_kitchen: '—',
};
