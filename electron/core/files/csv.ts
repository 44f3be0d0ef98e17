// CSV that Excel opens correctly: UTF-8 with a byte-order mark (without it, Japanese Excel reads Shift_JIS and
// shows mojibake), CRLF line ends, every field quoted when it holds a comma, a quote or a line break. A cell
// that Excel would take for a formula (=, +, -, @, a tab or CR first, also after spaces or in full width) is
// prefixed with an apostrophe: a ledger's text must never run as a formula on the PC that opens the file.

const FORMULA_START = /^[\s\u3000]*[=+\-@\t\r＝＋－＠]/;

export function neutralizeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function field(cell: string): string {
  const safe = neutralizeFormula(cell);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(rows: readonly (readonly string[])[]): Buffer {
  const text = rows.map((row) => row.map(field).join(',')).join('\r\n');
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${text}\r\n`, 'utf8')]);
}
