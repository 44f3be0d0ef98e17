// The 宿泊者名簿 on A4 (旅館業法 第6条): one row per guest of each stay arriving in the period, as the health
// centre reads it: name with its reading, address and phone, arrival and departure with the rooms, and for a
// guest without an address in Japan the nationality and passport number. The column heads repeat on every
// page; a row is never split across pages. What the Act asks for and is not recorded says 未記入 in red.

import type { GuestRegister, RegisterRow } from '../../shared/contract/guest-rights.ts';
import { GUEST_RIGHTS_LABELS } from '../../shared/i18n/guest-rights-labels.ts';
import { fillCount } from '../../shared/i18n/service-labels.ts';
import { countryName } from '../../shared/text/countries.ts';
import {
  AREA,
  box,
  type Cell,
  drawRow,
  drawRun,
  INK,
  openSheet,
  type Run,
  rowHeight,
  rule,
  type SheetOptions,
} from './layout.ts';
import { personName, personReading, type SheetLanguage, sheetWords } from './words.ts';

const PAD = 3;
/** Name, address and phone, stay, nationality and passport: the widths add up to the page's. */
const WIDTHS = [128, 190, 105, AREA.width - 128 - 190 - 105];

function cells(texts: Run[][]): Cell[] {
  return texts.map((runs, i) => ({ width: WIDTHS[i] as number, runs }));
}

export async function makeGuestRegisterPdf(
  register: GuestRegister,
  lang: SheetLanguage,
  options: SheetOptions = {},
): Promise<Buffer> {
  const words = sheetWords(lang);
  const labels = GUEST_RIGHTS_LABELS[lang].register;
  const title = `${labels.title} ${words.shortDay(register.from)}–${words.shortDay(register.to)}`;
  const sheet = openSheet(title, lang);
  const { doc } = sheet;
  const period = words.fill(labels.period, { from: words.shortDay(register.from), to: words.shortDay(register.to) });
  const counts = [
    fillCount(labels, 'stays', register.stays, lang),
    fillCount(labels, 'guests', register.rows.length, lang),
  ].join('  ·  ');
  const head = cells([
    [{ text: labels.column.name, bold: true, size: 8.5 }],
    [{ text: labels.column.contact, bold: true, size: 8.5 }],
    [{ text: labels.column.stay, bold: true, size: 8.5 }],
    [{ text: labels.column.foreign, bold: true, size: 8.5 }],
  ]);

  let y = 0;
  const newPage = () => {
    doc.addPage();
    drawRun(doc, { text: labels.title, bold: true, size: 15 }, AREA.left, AREA.top, AREA.width / 2);
    drawRun(
      doc,
      { text: period, bold: true, size: 10 },
      AREA.left + AREA.width / 2,
      AREA.top + 3,
      AREA.width / 2,
      'right',
    );
    let top = AREA.top + 22;
    top += drawRun(doc, { text: counts, size: 8.5, color: INK.muted }, AREA.left, top, AREA.width);
    top += drawRun(doc, { text: labels.basis, size: 7.5, color: INK.muted }, AREA.left, top + 1, AREA.width) + 5;
    const height = rowHeight(doc, head, PAD);
    box(doc, AREA.left, top, AREA.width, height, INK.rule, INK.headFill);
    drawRow(doc, head, AREA.left, top, PAD);
    y = top + height;
  };
  newPage();
  if (register.rows.length === 0) {
    drawRun(doc, { text: labels.none, size: 11 }, AREA.left, y + 10, AREA.width);
  }
  for (const row of register.rows) {
    const line = cells(rowTexts(row, lang));
    const height = rowHeight(doc, line, PAD);
    if (y + height > AREA.bottom) newPage();
    drawRow(doc, line, AREA.left, y, PAD);
    y += height;
    rule(doc, y, INK.faint, 0.5);
  }
  return sheet.finish(words, options);
}

function rowTexts(row: RegisterRow, lang: SheetLanguage): Run[][] {
  const words = sheetWords(lang);
  const labels = GUEST_RIGHTS_LABELS[lang].register;
  const missing = (text: string): Run => ({ text, size: 8, color: INK.danger, bold: true });
  const gap = (field: keyof typeof labels.gap) => missing(words.fill(labels.missing, { fields: labels.gap[field] }));
  const name: Run[] = [
    { text: personReading(row), size: 7.5, color: INK.muted },
    { text: words.guest(personName(row)), size: 10, bold: row.role === 'lead' },
    { text: row.role === 'lead' ? labels.lead : labels.party, size: 7.5, color: INK.muted },
  ];
  const contact: Run[] = [
    row.address === ''
      ? gap('address')
      : { text: [row.postalCode ? `〒${row.postalCode}` : '', row.address].filter(Boolean).join(' '), size: 8.5 },
    row.phone === '' ? gap('phone') : { text: row.phone, size: 8.5 },
  ];
  const stay: Run[] = [
    { text: `${words.shortDay(row.arrivalDate)}〜`, size: 8.5 },
    { text: words.shortDay(row.departureDate), size: 8.5 },
    { text: words.list(row.rooms), size: 8, color: INK.muted },
  ];
  const foreign: Run[] = row.abroad
    ? [
        { text: labels.abroad, size: 7.5, color: INK.muted },
        row.nationality === '' ? gap('nationality') : { text: countryName(row.nationality, lang), size: 8.5 },
        row.passportNumber === '' ? gap('passportNumber') : { text: row.passportNumber, size: 9 },
      ]
    : [{ text: '—', size: 8.5, color: INK.muted }];
  return [name, contact, stay, foreign];
}
