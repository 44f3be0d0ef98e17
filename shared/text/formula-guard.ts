// Text written to a spreadsheet (CSV or .xlsx) that Excel, LibreOffice or Google Sheets would take for a
// formula must stay text: a note typed as "=HYPERLINK(…)" or "+cmd|' /C calc'!A0" would otherwise run when the
// file is opened (CSV injection). Such a cell gets a leading apostrophe, which spreadsheet programs show
// and other systems can strip. A cell counts as formula-like when it starts with = + - @, a tab or a carriage
// return, also after leading spaces (ASCII or full-width) and in the full-width forms ＝ ＋ － ＠, which some
// programs fold to ASCII on import.
//
// Phone numbers are the one exception: +81 90-1234-5678 starts with '+', but a text made only of digits,
// spaces, hyphens, dots and parentheses after the '+' can call no function, reach no cell and start no
// program, so it is written as recorded (readable by people and by the systems the file is for). Numbers
// (amounts, counts) are written as numbers, never as text, so a negative amount stays a number.

const FORMULA_START = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;
const CONTROL_START = /^[\t\r]/;
const PHONE_LIKE = /^\+[0-9\s\-().]+$/;

/** Whether Excel could read this text as a formula. */
export function looksLikeFormula(text: string): boolean {
  return CONTROL_START.test(text) || FORMULA_START.test(text);
}

/** A phone number as written (+81 90-1234-5678): nothing in it a spreadsheet could run. */
export function isPhoneLike(text: string): boolean {
  return PHONE_LIKE.test(text) && /\d/.test(text);
}

/** The text as a spreadsheet cell: a leading apostrophe when it could be read as a formula. */
export function guardCell(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/** A phone cell: as written when it is phone-like, otherwise guarded like any text. */
export function guardPhone(text: string): string {
  return isPhoneLike(text) ? text : guardCell(text);
}
