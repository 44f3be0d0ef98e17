// errors.detail.* for the details the service handlers throw (new CallFailure(code, detail)).
export const jaServiceErrors = {
  placeholder_service: '—',
};
