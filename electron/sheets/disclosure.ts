// The disclosure on A4 (APPI 第33条): everything the inn holds about one guest, section by section, in words a
// guest reads without help: headings, dates in the Japanese form (2026年11月3日), amounts in yen, staff by
// name, codes by their label. The same content as the JSON file (shared/contract/guest-rights.ts); a row is
// never split across pages, and an empty section says so rather than vanishing.

import type { Disclosure } from '../../shared/contract/guest-rights.ts';
import type { HistoryChange } from '../../shared/contract/history.ts';
import { GUEST_RIGHTS_LABELS } from '../../shared/i18n/guest-rights-labels.ts';
import { fillCount } from '../../shared/i18n/service-labels.ts';
import { countryName } from '../../shared/text/countries.ts';
import { DEFAULT_TIME_ZONE, dateInZone, timeInZone } from '../../shared/text/time-zone.ts';
import {
  AREA,
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

const LABEL_WIDTH = 120;
const PAD = 2.5;

export async function makeDisclosurePdf(
  disclosure: Disclosure,
  lang: SheetLanguage,
  options: SheetOptions = {},
): Promise<Buffer> {
  const words = sheetWords(lang);
  const labels = GUEST_RIGHTS_LABELS[lang].disclosure;
  const codes = words.labels.codes;
  const zone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const { guest } = disclosure;
  // An erased guest's profile is blank: the sheet says who it is about in words, not with an empty 様.
  const name = personName(guest) ? words.guest(personName(guest)) : labels.erasure.erasedGuest;
  const sheet = openSheet(`${labels.title} ${personName(guest)}`, lang);
  const { doc } = sheet;

  /** An ISO instant as the inn's day (and time). */
  const day = (iso: string | null) => (iso ? words.shortDay(dateInZone(Date.parse(iso), zone)) : '');
  const moment = (iso: string) => `${day(iso)} ${timeInZone(Date.parse(iso), zone)}`;
  const yen = (amount: number) =>
    words.fill(labels.yen, { amount: amount.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US') });
  const who = (person: string | null) => person ?? labels.nobody;

  let y = 0;
  const newPage = () => {
    doc.addPage();
    y = AREA.top;
  };
  const ensure = (height: number) => {
    if (y + height > AREA.bottom) newPage();
  };
  const heading = (text: string) => {
    ensure(40);
    y += 8;
    y += drawRun(doc, { text, bold: true, size: 12 }, AREA.left, y, AREA.width);
    rule(doc, y + 1);
    y += 4;
  };
  const row = (label: string, value: string | Run[], muted = false) => {
    const runs =
      typeof value === 'string' ? [{ text: value || '—', size: 9, color: muted ? INK.muted : INK.text }] : value;
    const line: Cell[] = [
      { width: LABEL_WIDTH, runs: [{ text: label, size: 8.5, color: INK.muted }] },
      { width: AREA.width - LABEL_WIDTH, runs },
    ];
    const height = rowHeight(doc, line, PAD);
    ensure(height);
    drawRow(doc, line, AREA.left, y, PAD);
    y += height;
    rule(doc, y, INK.faint, 0.4);
  };
  const none = () => row('', labels.none, true);

  newPage();
  y += drawRun(doc, { text: labels.title, bold: true, size: 16 }, AREA.left, y, AREA.width);
  y += 4;
  y += drawRun(
    doc,
    { text: words.fill(labels.intro, { name, date: words.shortDay(disclosure.innDate) }), size: 9.5 },
    AREA.left,
    y,
    AREA.width,
  );

  heading(labels.section.profile);
  const field = labels.field;
  row(field.name, [{ text: name, size: 11, bold: true }]);
  row(field.reading, personReading(guest));
  row(field.phones, guest.phones.map((phone) => `${phone.number}`).join('\n'));
  row(field.email, guest.email);
  row(field.postalCode, guest.postalCode ? `〒${guest.postalCode}` : '');
  row(field.address, guest.address);
  row(field.birthday, guest.birthday ? words.shortDay(guest.birthday) : '');
  row(field.organization, guest.organization);
  row(field.note, guest.note);
  row(field.marketingConsent, guest.marketingConsent ? labels.yes : labels.no);
  row(field.nationality, guest.nationality ? countryName(guest.nationality, lang) : '');
  row(field.passportNumber, guest.passportNumber);
  row(field.createdAt, day(guest.createdAt));
  row(field.updatedAt, day(guest.updatedAt));
  if (guest.deletedAt) row(field.deletedAt, day(guest.deletedAt));

  heading(labels.section.companions);
  if (disclosure.companions.length === 0) none();
  for (const companion of disclosure.companions) {
    row(words.guest(personName(companion)), personReading(companion));
  }

  heading(labels.section.stays);
  if (disclosure.stays.length === 0) none();
  for (const stay of disclosure.stays) {
    const parts = [
      stay.role === 'lead' ? labels.lead : labels.party,
      words.list(stay.rooms),
      words.party(stay.adults, stay.children),
      stay.plan,
      stay.amountYen ? yen(stay.amountYen) : '',
    ];
    const period = `${words.shortDay(stay.arrivalDate)}〜${words.shortDay(stay.departureDate)}`;
    const text = [period, words.list(parts), stay.note].filter(Boolean).join('\n');
    row(codes.stayStatus[stay.status], text);
  }

  heading(labels.section.allergies);
  if (disclosure.allergies.length === 0) none();
  for (const allergy of disclosure.allergies) {
    const allergen = lang === 'ja' ? allergy.allergenJa : allergy.allergenEn || allergy.allergenJa;
    const lines = [
      words.list([
        codes.severity[allergy.severity],
        allergy.tracesOk ? labels.tracesOk : labels.tracesNotOk,
        codes.allergyState[allergy.state],
      ]),
      allergy.note,
      words.fill(labels.recordedBy, { date: day(allergy.recordedAt), who: who(allergy.recordedBy) }),
      allergy.confirmedAt
        ? words.fill(labels.confirmedBy, { date: day(allergy.confirmedAt), who: who(allergy.confirmedBy) })
        : '',
      allergy.retractedAt
        ? words.fill(labels.retracted, { date: day(allergy.retractedAt), reason: allergy.retractReason })
        : '',
    ];
    row(allergen, lines.filter(Boolean).join('\n'));
  }

  heading(labels.section.requests);
  if (disclosure.requests.length === 0) none();
  for (const request of disclosure.requests) {
    const lines = [
      request.text,
      words.list([codes.requestStatus[request.status], request.standing ? labels.standing : '']),
      words.fill(labels.takenBy, { date: day(request.takenAt), who: who(request.takenBy) }),
      request.handledAt
        ? words.fill(labels.handledBy, { date: day(request.handledAt), who: who(request.handledBy) })
        : '',
    ];
    row(codes.requestCategory[request.category], lines.filter(Boolean).join('\n'));
  }

  heading(labels.section.served);
  if (disclosure.served.length === 0) none();
  for (const serving of disclosure.served) {
    const text = words.list([
      `${serving.dish}${serving.retracted ? labels.retractedServing : ''}`,
      serving.course ?? '',
      serving.reaction ? codes.reaction[serving.reaction] : '',
      serving.note ?? '',
    ]);
    row(`${words.shortDay(serving.date)} ${codes.meal[serving.meal]}`, text);
  }

  heading(labels.section.banquets);
  if (disclosure.banquets.length === 0) none();
  for (const banquet of disclosure.banquets) {
    const text = words.list([
      banquet.groupName,
      labels.banquetType[banquet.type],
      banquet.role === 'organiser' ? labels.organiser : labels.attendee,
      `${banquet.startTime}〜${banquet.endTime}`,
      fillCount(labels, 'headcount', banquet.headcount, lang),
      labels.stage[banquet.stage],
      banquet.estimateYen ? yen(banquet.estimateYen) : '',
    ]);
    row(words.shortDay(banquet.date), banquet.note ? `${text}\n${banquet.note}` : text);
  }

  // Only for an erased guest: when, and what the legal hold still keeps for the 宿泊者名簿 (docs/erasure.md).
  const { erasure } = disclosure;
  if (erasure) {
    heading(labels.section.erasure);
    const kept = labels.erasure;
    row(kept.erasedAt, day(erasure.erasedAt));
    row(kept.holdUntil, erasure.holdUntil ? words.shortDay(erasure.holdUntil) : kept.nothingHeld);
    if (erasure.releasedAt) row(kept.releasedAt, day(erasure.releasedAt));
    const { held } = erasure;
    const heldName = [held.familyName, held.givenName].filter(Boolean).join(' ');
    const heldRows: Array<[string, string]> = [
      [field.name, heldName],
      [field.phones, (held.phones ?? []).map((phone) => phone.number).join('\n')],
      [field.email, held.email ?? ''],
      [field.postalCode, held.postalCode ? `〒${held.postalCode}` : ''],
      [field.address, held.address ?? ''],
      [field.nationality, held.nationality ? countryName(held.nationality, lang) : ''],
      [field.passportNumber, held.passportNumber ?? ''],
    ];
    const shown = heldRows.filter(([, value]) => value !== '');
    if (shown.length > 0) row('', kept.heldBasis, true);
    for (const [label, value] of shown) row(label, value);
  }

  heading(labels.section.history);
  if (disclosure.history.length === 0) none();
  for (const entry of disclosure.history) {
    const label = `${moment(entry.at)}\n${entry.staffName ?? ''}`;
    row(label, describe(entry.change, lang));
  }

  return sheet.finish(words, options);
}

/** One change of the history in words: what kind, and for a field its old and new value. */
function describe(change: HistoryChange, lang: SheetLanguage): string {
  const labels = GUEST_RIGHTS_LABELS[lang].disclosure;
  const words = sheetWords(lang);
  const codes = words.labels.codes;
  const kind = labels.historyKind[change.kind];
  /** A code by its label, for the fields that hold one. */
  const coded = (field: string, v: string): string => {
    const table: Record<string, Record<string, string> | undefined> = {
      category: codes.requestCategory,
      severity: codes.severity,
      purpose: codes.purpose,
      channel: codes.channel,
      status: change.kind === 'request' ? codes.requestStatus : codes.stayStatus,
    };
    return table[field]?.[v] ?? v;
  };
  const value = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    if (typeof v === 'boolean') return v ? labels.yes : labels.no;
    if (Array.isArray(v)) {
      return words.list(
        v.map((item) => (typeof item === 'object' ? String((item as { number?: string }).number) : String(item))),
      );
    }
    if (typeof v === 'object') {
      const names = v as { nameJa?: string; nameEn?: string };
      return String(lang === 'ja' ? names.nameJa : names.nameEn || names.nameJa);
    }
    if (field === 'nationality') return countryName(String(v), lang);
    if (/^\d{4}-\d{2}-\d{2}$/.test(String(v))) return words.shortDay(String(v));
    return coded(field, String(v));
  };
  if ('field' in change && 'to' in change) {
    const names = { ...labels.field, ...labels.historyFields } as Record<string, string>;
    const field = names[change.field] ?? change.field;
    const to = value(change.field, change.to);
    const line =
      change.from === null || change.from === ''
        ? words.fill(labels.historySet, { field, to })
        : words.fill(labels.historyField, { field, from: value(change.field, change.from), to });
    return `${kind}\n${line}`;
  }
  if ('guest' in change) return `${kind}：${personName(change.guest)}`;
  if ('allergy' in change) return `${kind}：${lang === 'ja' ? change.allergy.nameJa : change.allergy.nameEn}`;
  return kind;
}
