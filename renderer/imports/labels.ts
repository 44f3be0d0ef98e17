import i18next from 'i18next';

// The words of the core's import codes: the fields a column can be imported as, the cleansing rules, why a row
// was set aside, what is wrong with a mapping, from shared/i18n/imports.*.ts (tests/i18n checks every code has
// them). A code newer than this screen's words is shown as itself rather than as nothing.

export function fieldLabel(field: string): string {
  return i18next.t(`imports.field.${field}`, { defaultValue: field });
}

export function ruleLabel(rule: string): string {
  return i18next.t(`imports.rule.${rule}`, { defaultValue: rule });
}

export function reasonLabel(reason: string): string {
  return i18next.t(`imports.setAside.${reason}`, { defaultValue: reason });
}

export function mappingIssueLabel(issue: string): string {
  return i18next.t(`imports.mappingIssue.${issue}`, { defaultValue: issue });
}
