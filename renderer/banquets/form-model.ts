// The deal form's values and how they become the call's fields. Checked with the contract's own schema first,
// so the form refuses exactly what the core would (end before start, no headcount…) before anything is sent.

import type { Banquet, BanquetType, Layout } from '../../shared/contract/banquets.ts';
import { banquetCreateSchema } from '../../shared/contract/banquets.ts';
import type { CallInput } from '../../shared/contract/index.ts';
import { checkWith, type FieldErrors } from '../service/field-errors.ts';
import { onForm } from '../service/stay-form-model.ts';

export type BanquetValues = {
  organiserId: string | null;
  organiserName: string;
  groupName: string;
  type: BanquetType;
  date: string;
  startTime: string;
  endTime: string;
  hallIds: string[];
  layout: Layout;
  headcount: number | string;
  courseId: string | null;
  pricePerHeadYen: number | string;
  drinksPlan: string;
  estimateYen: number | string;
  /** Until staff type an estimate themselves, it follows headcount × price per head. */
  estimateTouched: boolean;
  depositYen: number | string;
  staffId: string | null;
  note: string;
  attendeeIds: string[];
  deceasedName: string;
  dateOfDeath: string;
};

export type BanquetFields = CallInput<'banquets.create'>['fields'];

export function newBanquetValues(date: string, staffId: string | null): BanquetValues {
  return {
    organiserId: null,
    organiserName: '',
    groupName: '',
    type: 'bonenkai',
    date,
    startTime: '18:00',
    endTime: '20:00',
    hallIds: [],
    layout: 'seated',
    headcount: '',
    courseId: null,
    pricePerHeadYen: 0,
    drinksPlan: '',
    estimateYen: 0,
    estimateTouched: false,
    depositYen: 0,
    staffId,
    note: '',
    attendeeIds: [],
    deceasedName: '',
    dateOfDeath: '',
  };
}

export function banquetValues(banquet: Banquet): BanquetValues {
  return {
    organiserId: banquet.organiserId,
    organiserName: banquet.organiserName,
    groupName: banquet.groupName,
    type: banquet.type,
    date: banquet.date,
    startTime: banquet.startTime,
    endTime: banquet.endTime,
    hallIds: banquet.hallIds,
    layout: banquet.layout,
    headcount: banquet.headcount,
    courseId: banquet.courseId,
    pricePerHeadYen: banquet.pricePerHeadYen,
    drinksPlan: banquet.drinksPlan,
    estimateYen: banquet.estimateYen,
    // An estimate that is still headcount × price keeps following them when either changes; only one staff
    // typed (a discount, a room charge) stays as it is.
    estimateTouched: banquet.estimateYen !== suggestedEstimate(banquet),
    depositYen: banquet.depositYen,
    staffId: banquet.staffId,
    note: banquet.note,
    attendeeIds: banquet.attendeeIds,
    deceasedName: banquet.deceasedName,
    dateOfDeath: banquet.dateOfDeath ?? '',
  };
}

const number = (value: number | string): number => (typeof value === 'number' ? value : Number(value) || 0);

/** headcount × price per head: the estimate staff would write on the quote. */
export function suggestedEstimate(values: Pick<BanquetValues, 'headcount' | 'pricePerHeadYen'>): number {
  return number(values.headcount) * number(values.pricePerHeadYen);
}

function toFields(values: BanquetValues): Record<string, unknown> {
  const memorial = values.type === 'memorial';
  return {
    organiserId: values.organiserId ?? '',
    groupName: values.groupName,
    type: values.type,
    date: values.date,
    startTime: values.startTime,
    endTime: values.endTime,
    hallIds: values.hallIds,
    layout: values.layout,
    headcount: number(values.headcount),
    courseId: values.courseId,
    pricePerHeadYen: number(values.pricePerHeadYen),
    drinksPlan: values.drinksPlan,
    estimateYen: values.estimateTouched ? number(values.estimateYen) : suggestedEstimate(values),
    depositYen: number(values.depositYen),
    staffId: values.staffId,
    note: values.note,
    attendeeIds: values.attendeeIds,
    deceasedName: memorial ? values.deceasedName : '',
    dateOfDeath: memorial && values.dateOfDeath.trim() ? values.dateOfDeath : null,
  };
}

type Checked = { ok: true; value: BanquetFields } | { ok: false; errors: FieldErrors };

export function checkBanquet(values: BanquetValues): Checked {
  if (!values.organiserId) return { ok: false, errors: { organiserId: { code: 'required' } } };
  const checked = checkWith(banquetCreateSchema, toFields(values));
  return checked.ok
    ? { ok: true, value: checked.value as BanquetFields }
    : { ok: false, errors: onForm(checked.errors) };
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
  return a === b;
}

/** Only what differs from the stored deal: an unchanged field is never sent (nor re-checked for clashes). */
export function banquetPatch(fields: BanquetFields, banquet: Banquet): Partial<BanquetFields> {
  const stored = banquet as unknown as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (value !== undefined && !same(value, stored[field])) patch[field] = value;
  }
  return patch as Partial<BanquetFields>;
}
